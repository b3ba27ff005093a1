using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

public sealed class GuidanceArticleConfiguration : IEntityTypeConfiguration<GuidanceArticle>
{
    public void Configure(EntityTypeBuilder<GuidanceArticle> builder)
    {
        builder.ToTable("GuidanceArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Slug).IsRequired().HasMaxLength(100);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class GuidanceRevisionConfiguration : IEntityTypeConfiguration<GuidanceRevision>
{
    public void Configure(EntityTypeBuilder<GuidanceRevision> builder)
    {
        builder.ToTable("GuidanceRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<GuidanceArticle>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasTextLimit(r => r.Title, GuidanceDraftValidator.MaxTitle).IsRequired();
        builder.Property(r => r.Slug).IsRequired().HasMaxLength(100);
        builder.HasTextLimit(r => r.Summary, GuidanceDraftValidator.MaxSummary).IsRequired();
        builder.Property(r => r.Topic).IsRequired().HasMaxLength(100);
        builder.HasTextLimit(r => r.BodyMarkdown, GuidanceDraftValidator.MaxBody).IsRequired();
        builder.HasTextLimit(r => r.SourcesJson, 50_000).IsRequired(); // 20 sources of a 200-character title and a 2,000-character address
        builder.Property(r => r.AuthorName).IsRequired().HasMaxLength(200);
        builder.HasTextLimit(r => r.ChangeSummary, GuidanceDraftValidator.MaxChangeSummary).IsRequired();
        builder.Property(r => r.ApprovedByName).HasMaxLength(200);
        builder.Property(r => r.ApprovedByRole).HasMaxLength(100);
        builder.HasTextLimit(r => r.ReturnComment, GuidanceDraftValidator.MaxReturnComment);
    }
}
