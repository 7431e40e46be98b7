using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// What happened: breach records with each partner's own account. Every field may be left empty
/// (SECURITY.md C5); a record is private until its author shares it, and only they change it (A3);
/// a private record answers like one that never existed (A4); shared edits are marked (C4).
/// </summary>
public abstract class BreachTests(KintsugiApp app)
{
    private static readonly string[] Lying = ["lying"];
    private static readonly string[] Other = ["other"];
    private static readonly string[] LyingAndOther = ["lying", "other"];
    private static readonly string[] LyingAndCruelty = ["lying", "cruelty"];

    [Fact]
    public async Task A_record_with_every_field_left_empty_is_created_with_a_neutral_title_and_is_private()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);

        var id = await alex.RecordBreachAsync(spaceId, new { });

        var breach = (await alex.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal(("What happened", "onlyMe", true, "Alex", 0, 0, false, 1), (breach.GetProperty("title").GetString(), breach.GetProperty("audience").GetString(), breach.GetProperty("mine").GetBoolean(), breach.GetProperty("author").GetString(), breach.GetProperty("kinds").GetArrayLength(), breach.GetProperty("people").GetArrayLength(), breach.GetProperty("edited").GetBoolean(), breach.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, breach.GetProperty("myRole").ValueKind);
        Assert.Equal(["What happened"], await alex.BreachTitlesAsync(spaceId));

        var unknown = SpaceSteps.UnknownId(app);
        foreach (var reader in new[] { sam, lee })
        {
            Assert.Empty(await reader.BreachTitlesAsync(spaceId));
            var hidden = await reader.GetAsync($"/api/v1/spaces/{spaceId}/breaches/{id}");
            await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
            Assert.Equal(await Responses.ObservableAsync(await reader.GetAsync($"/api/v1/spaces/{spaceId}/breaches/{unknown}")), await Responses.ObservableAsync(hidden));
        }
    }

    [Fact]
    public async Task A_shared_record_shows_the_other_partner_each_persons_part_by_name()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (alexId, samId) = (await alex.MembershipIdAsync(spaceId, "Alex"), await alex.MembershipIdAsync(spaceId, "Sam"));
        var cameToLight = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-30);

        var id = await alex.RecordBreachAsync(spaceId, new
        {
            title = "  The autumn  ",
            kinds = LyingAndOther,
            otherKind = "The car",
            cameToLight,
            people = new object[] { new { membershipId = alexId, role = "causedHarm" }, new { membershipId = samId, role = "hurt" } },
        });
        Assert.Empty(await sam.BreachTitlesAsync(spaceId));

        await alex.ShareBreachAsync(spaceId, id, "partners");

        Assert.Equal(["The autumn"], await sam.BreachTitlesAsync(spaceId));
        var seen = (await sam.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal(("Alex", false, "partners", "hurt", "The car"), (seen.GetProperty("author").GetString(), seen.GetProperty("mine").GetBoolean(), seen.GetProperty("audience").GetString(), seen.GetProperty("myRole").GetString(), seen.GetProperty("otherKind").GetString()));
        Assert.Equal(["lying", "other"], seen.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(cameToLight, DateOnly.Parse(seen.GetProperty("cameToLight").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            [("Alex", "causedHarm"), ("Sam", "hurt")],
            seen.GetProperty("people").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("role").GetString())));
        Assert.Equal("causedHarm", (await alex.BreachAsync(spaceId, id)).GetProperty("breach").GetProperty("myRole").GetString());
        Assert.Empty(await lee.BreachTitlesAsync(spaceId));

        await alex.ShareBreachAsync(spaceId, id, "partnersAndPractitioner");
        Assert.Equal(["The autumn"], await lee.BreachTitlesAsync(spaceId));
    }

    [Fact]
    public async Task A_partner_given_a_part_in_a_shared_record_is_invited_to_write_their_own_account_until_they_do()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var id = await alex.RecordBreachAsync(spaceId, new { title = "The autumn", people = new[] { new { membershipId = samId, role = "hurt" } } });
        Assert.DoesNotContain("account", await sam.WaitingKindsAsync(spaceId));
        Assert.DoesNotContain("account", await alex.WaitingKindsAsync(spaceId)); // Alex gave themself no part

        await alex.ShareBreachAsync(spaceId, id, "partners");

        var invitation = (await sam.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "account");
        Assert.Equal($"/spaces/{spaceId}/what-happened/{id}", invitation.GetProperty("href").GetString());
        Assert.Contains("The autumn", invitation.GetProperty("text").GetString(), StringComparison.Ordinal);

        await sam.WriteLinkedAsync(spaceId, "Sam's account, private for now.", "account", breachId: id);
        Assert.DoesNotContain("account", await sam.WaitingKindsAsync(spaceId));
    }

    [Fact]
    public async Task Bad_records_are_a_400_naming_the_field_and_record_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (_, leeId) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

        (object Body, string Field)[] cases =
        [
            (new { kinds = LyingAndCruelty }, "kinds"),
            (new { cameToLight = today.AddDays(3) }, "cameToLight"),
            (new { people = new[] { new { membershipId = leeId, role = "hurt" } } }, "people"),
            (new { people = new[] { new { membershipId = SpaceSteps.UnknownId(app), role = "hurt" } } }, "people"),
            (new { people = new[] { new { membershipId = samId, role = "hurt" }, new { membershipId = samId, role = "causedHarm" } } }, "people"),
            (new { title = new string('x', 121) }, "title"),
            (new { kinds = Other, otherKind = new string('x', 201) }, "otherKind"),
        ];

        foreach (var (body, field) in cases)
        {
            var response = await alex.TryRecordBreachAsync(spaceId, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode}");
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True((await Responses.ErrorsForAsync(response, field)).Length > 0, $"no error for {field} in {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(await alex.BreachTitlesAsync(spaceId));
        await alex.RecordBreachAsync(spaceId, new { cameToLight = today, kinds = Lying }); // today is not the future
    }

    [Fact]
    public async Task Saving_from_a_stale_version_is_a_409_and_changes_nothing()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.RecordBreachAsync(spaceId, new { title = "First" });
        var path = $"/api/v1/spaces/{spaceId}/breaches/{id}";

        var saved = await alex.PutJsonAsync(path, new { title = "From the laptop", version = 1 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await Responses.JsonAsync(saved)).GetProperty("version").GetInt32());

        var stale = await alex.PutJsonAsync(path, new { title = "From the phone", version = 1, kinds = Lying });
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());

        var breach = (await alex.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal(("From the laptop", 2, 0), (breach.GetProperty("title").GetString(), breach.GetProperty("version").GetInt32(), breach.GetProperty("kinds").GetArrayLength()));
    }

    [Fact]
    public async Task An_edit_after_sharing_is_marked_edited_but_edits_before_sharing_leave_no_trace()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.RecordBreachAsync(spaceId, new { title = "Draft" });
        var path = $"/api/v1/spaces/{spaceId}/breaches/{id}";
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(path, new { title = "Before sharing", version = 1 })).StatusCode);

        await alex.ShareBreachAsync(spaceId, id, "partners");
        var shared = (await sam.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal(("Before sharing", false), (shared.GetProperty("title").GetString(), shared.GetProperty("edited").GetBoolean()));

        app.Time.Advance(TimeSpan.FromHours(1));
        // A reader learns nothing of the author's edits before sharing: no version count, no later change time.
        Assert.Equal(0, shared.GetProperty("version").GetInt32());
        Assert.Equal(shared.GetProperty("createdAt").GetDateTime(), shared.GetProperty("updatedAt").GetDateTime());
        var version = (await alex.BreachAsync(spaceId, id)).GetProperty("breach").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(path, new { title = "After sharing", version })).StatusCode);

        foreach (var reader in new[] { sam, alex })
        {
            var breach = (await reader.BreachAsync(spaceId, id)).GetProperty("breach");
            Assert.Equal(("After sharing", true), (breach.GetProperty("title").GetString(), breach.GetProperty("edited").GetBoolean()));
            Assert.Equal(app.Time.GetUtcNow().UtcDateTime, breach.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        }

        Assert.True(Assert.Single((await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/breaches")).EnumerateArray()).GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task A_record_naming_a_partner_who_has_left_can_still_be_corrected_by_its_author()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var (alexId, kitId) = (await alex.MembershipIdAsync(spaceId, "Alex"), await alex.MembershipIdAsync(spaceId, "Kit"));
        var id = await alex.RecordBreachAsync(spaceId, new { title = "The autumn", audience = "partners", people = new object[] { new { membershipId = alexId, role = "causedHarm" }, new { membershipId = kitId, role = "hurt" } } });

        await kit.LeaveAsync(spaceId);

        var before = (await sam.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal([("Alex", "causedHarm"), ("A former partner", "hurt")], before.GetProperty("people").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("role").GetString())));
        var people = before.GetProperty("people").EnumerateArray().Select(p => new { membershipId = p.GetProperty("membershipId").GetGuid(), role = p.GetProperty("role").GetString() }).ToList();
        var saved = await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/breaches/{id}", new { title = "The autumn, corrected", people, version = (await alex.BreachAsync(spaceId, id)).GetProperty("breach").GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("The autumn, corrected", (await sam.BreachAsync(spaceId, id)).GetProperty("breach").GetProperty("title").GetString());

        // Someone who was never a partner here still cannot be named.
        var stranger = await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/breaches/{id}", new { title = "The autumn", people = new[] { new { membershipId = SpaceSteps.UnknownId(app), role = "hurt" } }, version = 3 });
        await SpaceSteps.AssertProblemAsync(stranger, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_author_can_edit_share_withdraw_or_delete_a_record()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.RecordBreachAsync(spaceId, new { title = "Alex's record", audience = "partnersAndPractitioner" });
        var path = $"/api/v1/spaces/{spaceId}/breaches/{id}";

        foreach (var other in new[] { sam, lee })
        {
            foreach (var response in new[]
                     {
                         await other.PutJsonAsync(path, new { title = "Rewritten by someone else", version = 1 }),
                         await other.PutJsonAsync(path + "/audience", new { audience = "onlyMe" }),
                         await other.PutJsonAsync(path + "/audience", new { audience = "partners" }),
                         await other.DeleteAsync(path),
                     })
            {
                await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
        }

        var breach = (await alex.BreachAsync(spaceId, id)).GetProperty("breach");
        Assert.Equal(("Alex's record", "partnersAndPractitioner", 1), (breach.GetProperty("title").GetString(), breach.GetProperty("audience").GetString(), breach.GetProperty("version").GetInt32()));
        Assert.Equal(["Alex's record"], await lee.BreachTitlesAsync(spaceId));
    }

    [Fact]
    public async Task Each_account_of_a_breach_is_read_only_by_those_its_author_shared_it_with()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var breach = await alex.RecordBreachAsync(spaceId, new { title = "The autumn", audience = "partnersAndPractitioner" });

        await alex.WriteLinkedAsync(spaceId, "Alex's own account, for Alex.", "account", breachId: breach);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var samShared = await sam.WriteLinkedAsync(spaceId, "Sam's account, for the partners.", "account", breachId: breach, audience: "partners");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.WriteLinkedAsync(spaceId, "What it did to Sam, for Dr Lee too.", "impact", breachId: breach, audience: "partnersAndPractitioner");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.WriteLinkedAsync(spaceId, "Sam's private account.", "account", breachId: breach);

        Assert.Equal(["Alex's own account, for Alex.", "Sam's account, for the partners.", "What it did to Sam, for Dr Lee too."], await alex.AccountTextsAsync(spaceId, breach));
        Assert.Equal(["Sam's account, for the partners.", "What it did to Sam, for Dr Lee too.", "Sam's private account."], await sam.AccountTextsAsync(spaceId, breach));
        Assert.Equal(["What it did to Sam, for Dr Lee too."], await lee.AccountTextsAsync(spaceId, breach));

        var item = (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == samShared);
        Assert.Equal(("account", breach, "Sam", false), (item.GetProperty("kind").GetString(), item.GetProperty("breachId").GetGuid(), item.GetProperty("author").GetString(), item.GetProperty("mine").GetBoolean()));
    }

    [Fact]
    public async Task An_account_about_a_record_the_writer_cannot_read_is_refused_exactly_like_one_about_a_record_that_never_existed()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var secret = await alex.RecordBreachAsync(spaceId, new { title = "Alex's private record" });
        var withdrawn = await alex.RecordBreachAsync(spaceId, new { title = "Shared, then taken back", audience = "partners" });
        await alex.ShareBreachAsync(spaceId, withdrawn, "onlyMe");
        var unknown = SpaceSteps.UnknownId(app);

        foreach (var kind in new[] { "account", "impact" })
        {
            var never = await sam.TryWriteLinkedAsync(spaceId, "About what?", kind, breachId: unknown);
            await SpaceSteps.AssertProblemAsync(never, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(never, "breachId"));
            foreach (var hidden in new[] { secret, withdrawn })
            {
                var response = await sam.TryWriteLinkedAsync(spaceId, "About what?", kind, breachId: hidden);
                Assert.Equal(await Responses.ObservableAsync(never), await Responses.ObservableAsync(response));
            }

            await SpaceSteps.AssertProblemAsync(await sam.TryWriteLinkedAsync(spaceId, "About nothing.", kind), HttpStatusCode.BadRequest);
        }

        Assert.Empty(await sam.JournalTextsAsync(spaceId));
    }

    [Fact]
    public async Task Deleting_a_record_leaves_the_accounts_others_wrote_about_it_in_their_journals_without_the_link()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var breach = await alex.RecordBreachAsync(spaceId, new { title = "To be deleted", audience = "partners" });
        var samPrivate = await sam.WriteLinkedAsync(spaceId, "Sam's account, kept private.", "account", breachId: breach);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var samShared = await sam.WriteLinkedAsync(spaceId, "Sam's account, shared.", "account", breachId: breach, audience: "partners");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await alex.WriteLinkedAsync(spaceId, "Alex's account.", "account", breachId: breach);

        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/breaches/{breach}")).StatusCode);

        foreach (var reader in new[] { alex, sam })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/spaces/{spaceId}/breaches/{breach}")).StatusCode);
            Assert.Empty(await reader.BreachTitlesAsync(spaceId));
        }

        var samsJournal = (await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray().ToList();
        Assert.Equal([samShared, samPrivate], samsJournal.Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(samsJournal, i => Assert.Equal(("account", JsonValueKind.Null), (i.GetProperty("kind").GetString(), i.GetProperty("breachId").ValueKind)));
        Assert.Equal("Sam's account, shared.", (await alex.EntryAsync(spaceId, samShared)).GetProperty("text").GetString());
        Assert.Equal(["Alex's account.", "Sam's account, shared."], await alex.JournalTextsAsync(spaceId));
    }

    [Fact]
    public async Task A_journal_item_shows_its_breach_only_to_readers_who_can_read_that_breach()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var breach = await alex.RecordBreachAsync(spaceId, new { title = "For the partners", audience = "partners" });
        var account = await sam.WriteLinkedAsync(spaceId, "Sam's account, for Dr Lee too.", "account", breachId: breach, audience: "partnersAndPractitioner");

        async Task<JsonElement> ItemAsync(AppClient reader) =>
            (await reader.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == account);

        Assert.Equal(breach, (await ItemAsync(sam)).GetProperty("breachId").GetGuid());
        Assert.Equal(breach, (await ItemAsync(alex)).GetProperty("breachId").GetGuid());
        Assert.Equal(("account", JsonValueKind.Null), ((await ItemAsync(lee)).GetProperty("kind").GetString(), (await ItemAsync(lee)).GetProperty("breachId").ValueKind));

        await alex.ShareBreachAsync(spaceId, breach, "onlyMe");

        Assert.Equal(JsonValueKind.Null, (await ItemAsync(sam)).GetProperty("breachId").ValueKind);
        Assert.Equal(breach, (await ItemAsync(alex)).GetProperty("breachId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/api/v1/spaces/{spaceId}/breaches/{breach}")).StatusCode);
    }
}

public sealed class SqliteBreachTests(SqliteApp app) : BreachTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBreachTests(PostgresApp app) : BreachTests(app), IClassFixture<PostgresApp>;
