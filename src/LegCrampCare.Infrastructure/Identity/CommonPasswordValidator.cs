using Microsoft.AspNetCore.Identity;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>
/// Refuses the most common passwords: the 30,000-entry "passwords" frequency list that zxcvbn ships (drawn from
/// Mark Burnett's / Xato's 10 million password corpus), read from the zxcvbn-core package's embedded resource. Also
/// caps the length (at least 64 characters are always allowed) and refuses the email address as a password.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MaxLength = 256;
    private const string ResourceName = "zxcvbn-core.Dictionaries.passwords.lst";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public static int ListSize => CommonPasswords.Value.Count;

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Fail("PasswordTooLong", $"Passwords can be up to {MaxLength} characters.");
        }

        if (IsCommon(password))
        {
            return Fail("PasswordTooCommon", "This password is one of the most commonly used and easy to guess. Choose another, for example three or four unrelated words.");
        }

        if (user.Email is { Length: > 0 } email && string.Equals(password.Trim(), email, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PasswordIsEmail", "Your password can't be your email address.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list {ResourceName} is missing from zxcvbn-core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
