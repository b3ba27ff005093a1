using LegCrampCare.Core.Features.Review;
using LegCrampCare.Infrastructure.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Exports;

public sealed class ReportWriterRegistrationTests
{
    [Fact]
    public void AddInfrastructure_ReportWriter_IsOneSharedReportWriter()
    {
        using var services = new ServiceCollection()
            .AddInfrastructure(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        var first = services.GetRequiredService<IReportWriter>();
        using var scope = services.CreateScope();

        Assert.IsType<ReportWriter>(first);
        Assert.Same(first, scope.ServiceProvider.GetRequiredService<IReportWriter>());
    }
}
