using Kintsugi.Web.Features.Account.Passwords;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Features.Account.SignIn;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kintsugi.Web.Features.Account;

internal static class AccountSetup
{
    /// <summary>PBKDF2-HMAC-SHA512 (Identity's v3 format) at OWASP's 2023 figure (SECURITY.md B3).</summary>
    public const int PasswordIterations = 210_000;

    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var cookieSettings = CookieSettings.From(builder.Configuration, builder.Environment);
        var sessionSection = builder.Configuration.GetSection("Sessions");
        var sessionOptions = sessionSection.Get<SessionLimits>() ?? new SessionLimits();
        services.Configure<SessionLimits>(sessionSection);
        services.AddSingleton(builder.Configuration.GetSection("Throttling").Get<ThrottleRules>() ?? new ThrottleRules());

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie!.Configure(options =>
                {
                    options.Cookie.Name = cookieSettings.Name("kintsugi");
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SecurePolicy = cookieSettings.Policy;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.LoginPath = SignInPath;
                    options.LogoutPath = "/account/sign-out";
                    options.AccessDeniedPath = "/error/403";
                    options.ReturnUrlParameter = "returnUrl";
                    options.ExpireTimeSpan = sessionOptions.RememberedAbsoluteLifetime;
                    options.SlidingExpiration = false;
                    options.Events = new CookieAuthenticationEvents
                    {
                        OnValidatePrincipal = SessionValidation.ValidateAsync,
                        OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized, "Sign in first."),
                        OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden, "Not allowed."),
                    };
                });
                cookies.TwoFactorUserIdCookie!.Configure(options =>
                {
                    options.Cookie.Name = cookieSettings.Name("kintsugi-2fa");
                    options.Cookie.SecurePolicy = cookieSettings.Policy;
                    options.Cookie.SameSite = SameSiteMode.Strict;
                    options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                });
                cookies.ExternalCookie!.Configure(options =>
                {
                    options.Cookie.Name = cookieSettings.Name("kintsugi-ext");
                    options.Cookie.SecurePolicy = cookieSettings.Policy;
                });
            });

        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordIterations);
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.AllowedForNewUsers = false; // see KintsugiUserManager.SupportsUserLockout
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddUserStore<KintsugiUserStore>()
            .AddUserManager<KintsugiUserManager>()
            .AddSignInManager<KintsugiSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);

        // Ours is the only password validator: no composition rules (SECURITY.md B2).
        services.RemoveAll<IPasswordValidator<AppUser>>();
        services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicyValidator>();
        services.AddScoped<KintsugiUserManager>(provider => (KintsugiUserManager)provider.GetRequiredService<UserManager<AppUser>>());
        services.AddScoped<KintsugiSignInManager>(provider => (KintsugiSignInManager)provider.GetRequiredService<SignInManager<AppUser>>());
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(24));
        services.Configure<PasswordResetTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        services.AddScoped<CurrentUser>();
        services.AddScoped<StepUp>();
        services.AddScoped<AuthThrottleService>();
        services.AddSingleton<ThrottleKeys>();
        services.AddSingleton<KnownDevice>();
        services.AddHostedService<AccountCleanup>();
        return builder;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, string title)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        }).AsTask();
    }
}

internal sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenProviderOptions() => Name = PasswordResetTokenProvider.ProviderName;
}

/// <summary>Reset links live for 2 hours; confirmation links (the default provider) for 24.</summary>
internal sealed class PasswordResetTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    Microsoft.Extensions.Options.IOptions<PasswordResetTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "PasswordReset";
}
