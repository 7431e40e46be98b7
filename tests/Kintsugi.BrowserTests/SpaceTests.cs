using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

/// <summary>
/// Spaces in the browser, each person in their own browser context: joining only with every
/// partner's consent (SECURITY.md A6), the practitioner's two-step sign-in (B4), the private safety
/// check first (C5), journal entries private until their author shares them (A3), and leaving at once (A7).
/// </summary>
public sealed partial class SpaceTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string SpaceName = "Our kitchen table";
    private const string Journey = "After repeated let-downs or broken promises";

    // Unique, recognisable entry texts: one line each, so the journal lists them whole.
    private const string RobinPrivate = "Robin, only for me: the lighthouse postcard stays in the drawer.";
    private const string RobinToPartners = "Robin to the partners: Tuesday's walk by the canal helped me.";
    private const string RobinToPartnersEdited = "Robin to the partners: Tuesday's walk by the canal helped me, and so did the tea after.";
    private const string RobinToEveryone = "Robin to everyone: can we talk about the holiday plans with Dr Okafor?";
    private const string RobinWithdrawn = "Robin to the partners, withdrawn later: I read the old messages again last night.";
    private const string SamToPartners = "Sam to the partners: thank you for listening on Sunday.";
    private const string AlexPrivate = "Alex, only for me: I am not ready to talk about the move.";

    [Fact]
    public Task Three_partners_and_a_practitioner_join_by_consent_and_read_only_what_was_shared_with_them() => app.InContextAsync("spaces", async contextA =>
    {
        var axe = new AxeAudit(output);

        // Robin (A) starts the space, with a journey and a values template.
        var a = await contextA.NewPageAsync();
        await NewAccountAsync(a, app.Mail, "partner-a");
        await a.GotoAsync("/spaces");
        await Assertions.Expect(a.GetByText("You are not in a space yet.")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "spaces, none yet");
        var spaceId = await StartSpaceAsync(a, SpaceName, "Robin", Journey, "Several partners", axe);

        // Nothing in the space before the safety check: every page of it leads there.
        foreach (var path in new[] { $"/spaces/{spaceId}", $"/spaces/{spaceId}/journal", $"/spaces/{spaceId}/people" })
        {
            await a.GotoAsync(path);
            await Assertions.Expect(a).ToHaveURLAsync(PathIs($"/spaces/{spaceId}/safety-check"));
        }

        await TakeSafetyCheckAsync(a, spaceId, SpaceName, axe);
        await Assertions.Expect(a.GetByText(Journey + ".", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(a.Locator(".prose")).ToContainTextAsync("none of us is a secondary person");
        await Assertions.Expect(a.Card("Robin (you)")).ToHaveCountAsync(1);
        await axe.CheckAsync(a, "space overview");

        // Sam (B) joins with the link Robin passes on, and sees nothing until Robin approves.
        var inviteB = await InviteAsync(a, spaceId);
        await axe.CheckAsync(a, "people, invite shown");
        await using var contextB = await app.NewContextAsync();
        var b = await contextB.NewPageAsync();
        var emailB = await NewAccountAsync(b, app.Mail, "partner-b");
        await AskToJoinAsync(b, inviteB, "Sam", axe);
        await b.GotoAsync("/spaces");
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Waiting to join" })).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(SpaceName)).ToHaveCountAsync(0);
        await axe.CheckAsync(b, "spaces, waiting to join");
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}");
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/journal");
        await axe.CheckAsync(b, "space, not found");

        // The code worked once.
        await using (var contextX = await app.NewContextAsync())
        {
            var x = await contextX.NewPageAsync();
            await NewAccountAsync(x, app.Mail, "stranger");
            await x.GotoAsync(inviteB.Link);
            await x.Field("Your name in this space").FillAsync("Someone else");
            await x.Button("Ask to join").ClickAsync();
            await Assertions.Expect(x.Locator("#code-error")).ToContainTextAsync("That code doesn't work.");
            await axe.CheckAsync(x, "join, a used code");
        }

        await a.GotoAsync($"/spaces/{spaceId}");
        await a.Link("See the request").ClickAsync();
        await Assertions.Expect(a.Card("Sam")).ToContainTextAsync(emailB);
        await axe.CheckAsync(a, "people, a request");
        await ApproveAsync(a, spaceId, "Sam", joins: true);

        await b.GotoAsync("/spaces");
        await Assertions.Expect(b.Card(SpaceName)).ToContainTextAsync("Start with a short private check-in");
        await axe.CheckAsync(b, "spaces, safety check first");
        await b.MainLink(SpaceName).ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(PathIs($"/spaces/{spaceId}/safety-check"));
        await TakeSafetyCheckAsync(b, spaceId, SpaceName);

        // Alex (C) needs both Robin's and Sam's approval: after Robin's alone, still nothing.
        var inviteC = await InviteAsync(b, spaceId);
        await using var contextC = await app.NewContextAsync();
        var c = await contextC.NewPageAsync();
        await NewAccountAsync(c, app.Mail, "partner-c");
        await AskToJoinAsync(c, inviteC, "Alex");
        await ApproveAsync(a, spaceId, "Alex", joins: false);
        await Assertions.Expect(a.Card("Alex")).ToContainTextAsync("You approved. They join when every partner has.");
        await Assertions.Expect(a.Card("Alex").Locator(a.Button("Approve"))).ToHaveCountAsync(0);
        await axe.CheckAsync(a, "people, approved by me");
        await ExpectNotFoundAsync(c, $"/spaces/{spaceId}");
        await c.GotoAsync("/spaces");
        await Assertions.Expect(c.GetByText(SpaceName)).ToHaveCountAsync(0);
        await ApproveAsync(b, spaceId, "Alex", joins: true);
        await TakeSafetyCheckAsync(c, spaceId, SpaceName);

        // The practitioner needs all three, and then two-step sign-in before anything is shown.
        var inviteP = await InviteAsync(c, spaceId, practitioner: true);
        await using var contextP = await app.NewContextAsync();
        var p = await contextP.NewPageAsync();
        await NewAccountAsync(p, app.Mail, "practitioner");
        await AskToJoinAsync(p, inviteP, "Dr Okafor");
        await ApproveAsync(a, spaceId, "Dr Okafor", joins: false);
        await ApproveAsync(b, spaceId, "Dr Okafor", joins: false);
        await ExpectNotFoundAsync(p, $"/spaces/{spaceId}");
        await ApproveAsync(c, spaceId, "Dr Okafor", joins: true);

        await p.GotoAsync("/spaces");
        await Assertions.Expect(p.GetByRole(AriaRole.Main)).ToContainTextAsync("As a practitioner, you need two-step sign-in on before anything in this space is shown to you.");
        await Assertions.Expect(p.GetByText(SpaceName)).ToHaveCountAsync(0);
        await axe.CheckAsync(p, "spaces, practitioner without two-step sign-in");
        foreach (var path in new[] { $"/spaces/{spaceId}", $"/spaces/{spaceId}/journal", $"/spaces/{spaceId}/people" })
        {
            await p.GotoAsync(path);
            await Assertions.Expect(p).ToHaveURLAsync(PathIs("/spaces"));
            await Assertions.Expect(p.GetByText("Robin")).ToHaveCountAsync(0);
        }

        await p.MainLink("two-step sign-in").ClickAsync();
        await Assertions.Expect(p).ToHaveURLAsync(PathIs("/account/two-factor"));
        await TurnOnTwoStepSignInAsync(p);
        await p.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(p.Heading(SpaceName)).ToBeVisibleAsync();
        await Assertions.Expect(p.Card("Dr Okafor (you)")).ToContainTextAsync("Practitioner");
        // The values are the partners' own; the practitioner doesn't see them or the settings link.
        await Assertions.Expect(p.GetByText("none of us is a secondary person")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Link("Values and journey")).ToHaveCountAsync(0);
        await axe.CheckAsync(p, "space overview, practitioner");

        // The partners write; private is the default.
        var robinPrivate = await WriteEntryAsync(a, spaceId, RobinPrivate, OnlyMe);
        await axe.CheckAsync(a, "entry, own and private");
        var robinToPartners = await WriteEntryAsync(a, spaceId, RobinToPartners, MyPartners);
        var robinToEveryone = await WriteEntryAsync(a, spaceId, RobinToEveryone, PartnersAndPractitioner);
        var robinWithdrawn = await WriteEntryAsync(a, spaceId, RobinWithdrawn, MyPartners);
        await WriteEntryAsync(b, spaceId, SamToPartners, MyPartners);
        var alexPrivate = await WriteEntryAsync(c, spaceId, AlexPrivate, OnlyMe);
        await OpenJournalAsync(a, spaceId);
        await axe.CheckAsync(a, "journal, with entries");

        // Sam sees what Robin shared, not what Robin or Alex kept for themselves.
        var samReads = await OpenJournalAsync(b, spaceId);
        await Assertions.Expect(samReads).ToHaveTextAsync([SamToPartners, RobinWithdrawn, RobinToEveryone, RobinToPartners]);
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/journal/{robinPrivate}");
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/journal/{alexPrivate}");

        // Only the author chooses who reads an entry, edits it or withdraws it.
        await b.GotoAsync($"/spaces/{spaceId}/journal/{robinToPartners}");
        await Assertions.Expect(b.EntryText()).ToHaveTextAsync(RobinToPartners);
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).ToContainTextAsync("Robin");
        await Assertions.Expect(b.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(b.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Assertions.Expect(b.Link("Values and journey")).ToBeVisibleAsync();
        await axe.CheckAsync(b, "entry, someone else's");

        // Alex reads the same shared entries, and Sam's.
        var alexReads = await OpenJournalAsync(c, spaceId);
        await Assertions.Expect(alexReads).ToHaveTextAsync([AlexPrivate, SamToPartners, RobinWithdrawn, RobinToEveryone, RobinToPartners]);

        // The practitioner sees only what was shared with the practitioner, and cannot write.
        var practitionerReads = await OpenJournalAsync(p, spaceId);
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Shared with you" })).ToBeVisibleAsync();
        await Assertions.Expect(practitionerReads).ToHaveTextAsync([RobinToEveryone]);
        await Assertions.Expect(p.Field("Your entry")).ToHaveCountAsync(0);
        await axe.CheckAsync(p, "journal, practitioner");
        await ExpectNotFoundAsync(p, $"/spaces/{spaceId}/journal/{robinToPartners}");
        await ExpectNotFoundAsync(p, $"/spaces/{spaceId}/journal/{robinPrivate}");
        await p.GotoAsync($"/spaces/{spaceId}/journal/{robinToEveryone}");
        await Assertions.Expect(p.EntryText()).ToHaveTextAsync(RobinToEveryone);
        await Assertions.Expect(p.Link("Values and journey")).ToHaveCountAsync(0);
        await axe.CheckAsync(p, "entry, practitioner");

        // Robin withdraws an entry while Sam has it open: gone for Sam on the next load.
        await b.GotoAsync($"/spaces/{spaceId}/journal/{robinWithdrawn}");
        await Assertions.Expect(b.EntryText()).ToHaveTextAsync(RobinWithdrawn);
        await a.GotoAsync($"/spaces/{spaceId}/journal/{robinWithdrawn}");
        await a.Button("Withdraw it (only me again)").ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Withdrawn. Only you can read it now; nobody was told.");
        await Assertions.Expect(a.Field(OnlyMe)).ToBeCheckedAsync();
        await axe.CheckAsync(a, "entry, withdrawn");
        await b.ReloadAsync();
        await Assertions.Expect(b.Heading(NotFound)).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(RobinWithdrawn)).ToHaveCountAsync(0);
        samReads = await OpenJournalAsync(b, spaceId);
        await Assertions.Expect(samReads).ToHaveTextAsync([SamToPartners, RobinToEveryone, RobinToPartners]);

        // Robin edits a shared entry: Sam sees that it was edited, and the earlier wording.
        await a.GotoAsync($"/spaces/{spaceId}/journal/{robinToPartners}");
        await a.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(a.GetByText("This entry is shared: your partners will see that it was edited, and its earlier wording.")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "entry, editing a shared one");
        await a.Field("Your entry").FillAsync(RobinToPartnersEdited);
        await a.Button("Save changes").ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(a.EntryText()).ToHaveTextAsync(RobinToPartnersEdited);

        samReads = await OpenJournalAsync(b, spaceId);
        await Assertions.Expect(samReads).ToHaveTextAsync([SamToPartners, RobinToEveryone, RobinToPartnersEdited]);
        await Assertions.Expect(b.Card(RobinToPartnersEdited).GetByText("edited", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(b.Card(RobinToEveryone).GetByText("edited", new() { Exact = true })).ToHaveCountAsync(0);
        await b.MainLink(RobinToPartnersEdited).ClickAsync();
        await Assertions.Expect(b.EntryText()).ToHaveTextAsync(RobinToPartnersEdited);
        await Assertions.Expect(b.GetByText(new System.Text.RegularExpressions.Regex("^edited "))).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Earlier wording" })).ToBeVisibleAsync();
        await Assertions.Expect(b.Card("Replaced")).ToContainTextAsync(RobinToPartners);
        await axe.CheckAsync(b, "entry, edited, with its earlier wording");

        // Sam leaves, alone and at once.
        await b.GotoAsync($"/spaces/{spaceId}/leave");
        await Assertions.Expect(b.Heading("Leave this space")).ToBeVisibleAsync();
        await axe.CheckAsync(b, "leave");
        await b.Button("Leave the space").ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(PathIs("/spaces"));
        await Assertions.Expect(b.GetByRole(AriaRole.Status)).ToHaveTextAsync("You left the space. Nobody was sent a message.");
        await Assertions.Expect(b.GetByText(SpaceName)).ToHaveCountAsync(0);
        await axe.CheckAsync(b, "spaces, after leaving");
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}");
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/journal/{robinToPartners}");

        // Robin and Alex still have the space, without Sam (and without what Sam shared).
        var people = await PeopleAsync(a, spaceId);
        Assert.Equal(3, people.Count);
        Assert.DoesNotContain(people, person => person.Contains("Sam", StringComparison.Ordinal));
        await c.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(c.Heading(SpaceName)).ToBeVisibleAsync();
        await Assertions.Expect(c.Card("Robin")).ToHaveCountAsync(1);
        await Assertions.Expect(c.Card("Alex (you)")).ToHaveCountAsync(1);
        await Assertions.Expect(c.Card("Sam")).ToHaveCountAsync(0);
        var alexReadsNow = await OpenJournalAsync(c, spaceId);
        await Assertions.Expect(alexReadsNow).ToHaveTextAsync([AlexPrivate, RobinToEveryone, RobinToPartnersEdited]);

        axe.AssertNoSeriousViolations();
    });
}
