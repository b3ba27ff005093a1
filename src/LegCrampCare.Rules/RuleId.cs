namespace LegCrampCare.Rules;

/// <summary>
/// The stable rule ids of clinical README §3, in the order of that table (the order results list them in).
/// The numeric values are bit positions in <see cref="FiredRules"/>, only ever held in memory: stored results keep the
/// codes ("UR-1,UR-2"), so a new rule set may insert ids in table order.
/// </summary>
public enum RuleId : byte
{
    Em1, Em2, Em3, Em4, Em5,
    Ur1, Ur2, Ur3, Ur4, Ur5, Ur6, Ur7, Ur8, Ur9, Ur10, Ur11, Ur12, Ur13, Ur14, Ur15, Ur16, Ur17, Ur18, Ur19, Ur20,
    Ro1, Ro2, Ro3, Ro4, Ro5, Ro6, Ro7, Ro8,
    Fs1,
    No1, No2,
}

public static class RuleIds
{
    public const int Count = (int)RuleId.No2 + 1;

    private static readonly string[] Codes =
    [
        "EM-1", "EM-2", "EM-3", "EM-4", "EM-5",
        "UR-1", "UR-2", "UR-3", "UR-4", "UR-5", "UR-6", "UR-7", "UR-8", "UR-9", "UR-10", "UR-11", "UR-12", "UR-13", "UR-14",
        "UR-15", "UR-16", "UR-17", "UR-18", "UR-19", "UR-20",
        "RO-1", "RO-2", "RO-3", "RO-4", "RO-5", "RO-6", "RO-7", "RO-8",
        "FS-1",
        "NO-1", "NO-2",
    ];

    /// <summary>The id as clinicians, the case files and the UI write it, e.g. "UR-2".</summary>
    public static string ToCode(this RuleId id) => Codes[(int)id];

    public static bool TryParse(string? code, out RuleId id)
    {
        var index = Array.IndexOf(Codes, code);
        id = index < 0 ? default : (RuleId)index;
        return index >= 0;
    }

    public static IEnumerable<RuleId> All => Enumerable.Range(0, Count).Select(i => (RuleId)i);
}

/// <summary>A set of rule ids as a bit mask: a value, so evaluating an episode allocates nothing.</summary>
public readonly record struct FiredRules(ulong Bits)
{
    public static FiredRules Empty => default;

    public bool Contains(RuleId id) => (Bits & (1ul << (int)id)) != 0;

    public FiredRules With(RuleId id) => new(Bits | (1ul << (int)id));

    public int Count => System.Numerics.BitOperations.PopCount(Bits);

    public bool IsEmpty => Bits == 0;

    /// <summary>True when any rule from <paramref name="first"/> to <paramref name="last"/> (table order) is in the set.</summary>
    public bool AnyBetween(RuleId first, RuleId last)
    {
        var mask = ((1ul << ((int)last - (int)first + 1)) - 1) << (int)first;
        return (Bits & mask) != 0;
    }

    public Enumerator GetEnumerator() => new(Bits);

    public IReadOnlyList<RuleId> ToList()
    {
        var list = new List<RuleId>(Count);
        foreach (var id in this)
        {
            list.Add(id);
        }

        return list;
    }

    /// <summary>"UR-1,UR-2": the ids in table order, as stored and shown.</summary>
    public override string ToString() => string.Join(",", ToList().Select(r => r.ToCode()));

    public static FiredRules Parse(string? codes)
    {
        var set = Empty;
        foreach (var code in (codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RuleIds.TryParse(code, out var id))
            {
                throw new FormatException($"'{code}' is not a rule id.");
            }

            set = set.With(id);
        }

        return set;
    }

    public struct Enumerator(ulong bits)
    {
        private ulong _remaining = bits;

        public RuleId Current { get; private set; }

        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            var index = System.Numerics.BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (RuleId)index;
            return true;
        }
    }
}
