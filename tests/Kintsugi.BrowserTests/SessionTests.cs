using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>SECURITY.md B7: a person sees where they are signed in and can end any of those sessions at once.</summary>
public sealed class SessionTests(BrowserFixture app)
{
    [Fact]
    public Task Ending_another_session_signs_that_browser_out_on_its_next_request() => app.InContextAsync(nameof(SessionTests), async contextA =>
    {
        var pageA = await contextA.NewPageAsync();
        var email = await NewAccountAsync(pageA, app.Mail, "sessions");

        await using var contextB = await app.NewContextAsync();
        var pageB = await contextB.NewPageAsync();
        await SignInAsync(pageB, email);

        await pageA.GotoAsync("/account/sessions");
        var sessions = pageA.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { Has = pageA.GetByRole(AriaRole.Button) });
        await Assertions.Expect(sessions).ToHaveCountAsync(2);
        await Assertions.Expect(sessions.Filter(new() { HasText = "This device" })).ToHaveCountAsync(1);

        await pageA.Button("End this session").ClickAsync();
        await Assertions.Expect(pageA.GetByRole(AriaRole.Status)).ToHaveTextAsync("That session has ended.");
        await Assertions.Expect(sessions).ToHaveCountAsync(1);

        await pageB.ReloadAsync();
        await Assertions.Expect(pageB).ToHaveURLAsync(PathIs("/account/sign-in"));
        await Assertions.Expect(pageB.Heading("Sign in")).ToBeVisibleAsync();

        // The session that ended it is still signed in.
        await pageA.GotoAsync("/account");
        await Assertions.Expect(pageA.Heading("Your account")).ToBeVisibleAsync();
    });
}
