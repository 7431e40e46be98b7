using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>Bad input is explained next to the field it concerns, never with a server error (STYLE.md §6, SECURITY.md E4).</summary>
public sealed class FormErrorTests(BrowserFixture app)
{
    [Fact]
    public Task Registering_with_a_bad_address_and_a_short_password_shows_both_problems_next_to_their_fields() => app.InContextAsync(nameof(FormErrorTests), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.Field("E-mail address").FillAsync("not-an-address");
        await page.Field("Password").FillAsync("12345");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Button("Create account").ClickAsync(),
            r => r.Request.Method == "POST" && app.IsApp(r.Url));
        Assert.True(response.Status < 500, $"Sending the form answered {response.Status}.");

        await Assertions.Expect(page.Heading("Create an account")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email-error, #password-error").First).ToBeVisibleAsync();

        var problems = new List<string>();
        problems.AddRange(await ProblemsNextToAsync(page, "email", "E-mail address", mustMention: "e-mail address"));
        problems.AddRange(await ProblemsNextToAsync(page, "password", "Password", mustMention: "8 characters"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    });

    /// <summary>
    /// What is wrong with how a field shows its problem: the message must be inside the field's own
    /// group (beside its label and input), and the input must say it is invalid and point to it.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ProblemsNextToAsync(IPage page, string id, string label, string mustMention)
    {
        var input = page.Field(label);
        var error = page.Locator($"#{id}-error");
        if (!await error.IsVisibleAsync())
        {
            return [$"\"{label}\": no message #{id}-error is shown (expected one that mentions \"{mustMention}\")."];
        }

        var problems = new List<string>();
        var text = (await error.InnerTextAsync()).Trim();
        if (!text.Contains(mustMention, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"\"{label}\": the message \"{text}\" does not mention \"{mustMention}\".");
        }

        var group = error.Locator("xpath=..");
        if (await group.Locator($"#{id}").CountAsync() != 1 || await group.Locator($"label[for='{id}']").CountAsync() != 1)
        {
            problems.Add($"\"{label}\": #{id}-error is not in the same field group as the label and the input.");
        }

        if (await input.GetAttributeAsync("aria-invalid") != "true")
        {
            problems.Add($"\"{label}\": the input's aria-invalid is not \"true\".");
        }

        if ((await input.GetAttributeAsync("aria-describedby"))?.Split(' ').Contains($"{id}-error") != true)
        {
            problems.Add($"\"{label}\": the input's aria-describedby does not name {id}-error.");
        }

        return problems;
    }
}
