using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Abstractions;

public interface IProfileStore
{
    Task<PregnancyProfile?> FindAsync(string userId, CancellationToken ct);

    Task SaveAsync(PregnancyProfile profile, CancellationToken ct);
}
