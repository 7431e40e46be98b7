using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.Passwords;

/// <summary>
/// SECURITY.md B2, after NIST SP 800-63B: length is what matters. At least 8 characters (15 or more
/// recommended), up to 128, any characters, no composition rules; refused are common passwords
/// (also with digits or symbols stuck on the end), passwords built on the e-mail address or the
/// app's name, and strings of one or two repeated characters.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int RecommendedLength = 15;
    public const int MaximumLength = 128;

    public const string Hint = "At least 8 characters; 15 or more is better. A few unrelated words make a strong, memorable password. Any characters are fine.";

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    /// <summary>What is wrong with the password, in words a person can act on; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Problems(string? password, string? email)
    {
        password ??= "";
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            return [$"Use at least {MinimumLength} characters."];
        }

        if (length > MaximumLength)
        {
            return [$"Use at most {MaximumLength} characters."];
        }

        var lower = password.ToLowerInvariant();
        var core = lower.Trim().TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray()).TrimStart("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(core) || Common.Value.Contains(lower.Replace(" ", "", StringComparison.Ordinal)))
        {
            return ["This is one of the most common passwords, so it is easy to guess. Choose something less predictable."];
        }

        if (password.Distinct().Count() <= 2)
        {
            return ["Repeating one or two characters is easy to guess. Choose something less predictable."];
        }

        var context = ContextWords(email);
        if (context.Any(word => core.Contains(word, StringComparison.Ordinal) && core.Length - word.Length < 6))
        {
            return ["Don't build your password on your e-mail address or the name of this site."];
        }

        return [];
    }

    private static IEnumerable<string> ContextWords(string? email)
    {
        yield return "kintsugi";
        if (string.IsNullOrWhiteSpace(email))
        {
            yield break;
        }

        var lower = email.Trim().ToLowerInvariant();
        yield return lower;
        var local = lower.Split('@')[0];
        if (local.Length >= 4)
        {
            yield return local;
        }
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// The policy as a validation attribute, so a form shows a weak password next to its field even when
/// another field is wrong too. (The handlers check again with the address, which this cannot see.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PasswordPolicyAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    protected override System.ComponentModel.DataAnnotations.ValidationResult? IsValid(object? value, System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
        value is string { Length: > 0 } password && PasswordPolicy.Problems(password, email: null) is [var problem, ..]
            ? new System.ComponentModel.DataAnnotations.ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : System.ComponentModel.DataAnnotations.ValidationResult.Success;
}

/// <summary>The only password validator registered, so Identity's composition rules never apply.</summary>
internal sealed class PasswordPolicyValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordPolicy";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var problems = PasswordPolicy.Problems(password, user.Email);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(p => new IdentityError { Code = ErrorCode, Description = p })]));
    }
}
