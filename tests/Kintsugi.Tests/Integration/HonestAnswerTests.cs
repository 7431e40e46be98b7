using System.Net;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// Honest answers (issue 5, part 4): the partner who was hurt asks, the others answer (never the asker),
/// either side can keep a question for a container; answers are read by exactly those who read the
/// question (SECURITY.md A3, A4) and are never lost to a stale save (F3).
/// </summary>
public abstract class HonestAnswerTests(KintsugiApp app)
{
    private const string Question = "Where were you on the evenings you said you were at the gym?";

    [Fact]
    public async Task A_question_is_asked_answered_and_rewritten_and_the_home_page_says_when_one_waits()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await sam.AskAsync(spaceId, "  " + Question + "  ");

        var asked = await alex.QuestionAsync(spaceId, id);
        Assert.Equal((Question, "Sam", false, "partners", false, 0), (asked.GetProperty("text").GetString(), asked.GetProperty("asker").GetString(), asked.GetProperty("mine").GetBoolean(), asked.GetProperty("audience").GetString(), asked.GetProperty("forContainer").GetBoolean(), asked.GetProperty("answers").GetArrayLength()));
        Assert.True((await sam.QuestionAsync(spaceId, id)).GetProperty("mine").GetBoolean());
        var waiting = (await alex.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "question");
        Assert.Equal($"/spaces/{spaceId}/honest-answers", waiting.GetProperty("href").GetString());
        Assert.DoesNotContain("question", await sam.WaitingKindsAsync(spaceId));

        Assert.Equal(1, await alex.AnswerQuestionAsync(spaceId, id, "  At a bar with someone from work.  "));
        Assert.DoesNotContain("question", await alex.WaitingKindsAsync(spaceId));

        var answered = await sam.QuestionAsync(spaceId, id);
        var answer = Assert.Single(answered.GetProperty("answers").EnumerateArray());
        Assert.Equal(("At a bar with someone from work.", "Alex", false, 0), (answer.GetProperty("text").GetString(), answer.GetProperty("author").GetString(), answer.GetProperty("mine").GetBoolean(), answer.GetProperty("version").GetInt32()));
        var own = Assert.Single((await alex.QuestionAsync(spaceId, id)).GetProperty("answers").EnumerateArray());
        Assert.Equal((true, 1), (own.GetProperty("mine").GetBoolean(), own.GetProperty("version").GetInt32()));

        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await alex.AnswerQuestionAsync(spaceId, id, "At a bar with Jo from work, three times.", 1));
        var rewritten = Assert.Single((await sam.QuestionAsync(spaceId, id)).GetProperty("answers").EnumerateArray());
        Assert.Equal("At a bar with Jo from work, three times.", rewritten.GetProperty("text").GetString());
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, rewritten.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Several_waiting_questions_are_counted_and_those_kept_for_a_container_are_not()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        await sam.AskAsync(spaceId, "First question.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.AskAsync(spaceId, "Second question.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.AskAsync(spaceId, "For when we sit down together.", forContainer: true);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.AskAsync(spaceId, "Sam's own, not asked yet.", audience: "onlyMe");

        var waiting = (await alex.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "question");
        Assert.Contains('2', waiting.GetProperty("text").GetString()!);
        Assert.Equal(["First question.", "Second question.", "For when we sit down together."], (await alex.QuestionsAsync(spaceId)).Select(q => q.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Nobody_answers_their_own_question_and_a_stale_answer_is_a_409_that_never_overwrites()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await sam.AskAsync(spaceId, Question);

        var ownQuestion = await sam.TryAnswerQuestionAsync(spaceId, id, "Answering myself.", 0);
        await SpaceSteps.AssertProblemAsync(ownQuestion, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(ownQuestion, "text"));

        Assert.Equal(1, await alex.AnswerQuestionAsync(spaceId, id, "From the laptop."));
        foreach (var version in new[] { 0, 2 })
        {
            var stale = await alex.TryAnswerQuestionAsync(spaceId, id, "From the phone.", version);
            var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
            Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());
        }

        Assert.Equal(2, await alex.AnswerQuestionAsync(spaceId, id, "From the laptop, again.", 1));
        await SpaceSteps.AssertProblemAsync(await alex.TryAnswerQuestionAsync(spaceId, id, "From the phone, opened earlier.", 1), HttpStatusCode.Conflict);
        var answers = (await sam.QuestionAsync(spaceId, id)).GetProperty("answers");
        Assert.Equal(["From the laptop, again."], answers.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Of_several_first_answers_at_once_exactly_one_is_kept()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await sam.AskAsync(spaceId, Question);

        var saves = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => alex.TryAnswerQuestionAsync(spaceId, id, $"Window {i}.", 0)));

        Assert.All(saves, s => Assert.True(s.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)s.StatusCode}"));
        var winner = Assert.Single(Enumerable.Range(0, saves.Length), i => saves[i].StatusCode == HttpStatusCode.OK);
        var answer = Assert.Single((await sam.QuestionAsync(spaceId, id)).GetProperty("answers").EnumerateArray());
        Assert.Equal($"Window {winner}.", answer.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Either_side_can_keep_a_question_for_a_container_and_the_asker_takes_it_back_only_while_unanswered()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await sam.AskAsync(spaceId, Question, "partnersAndPractitioner");
        var path = $"{AtoneSteps.Questions(spaceId)}/{id}";

        var marked = await alex.PutJsonAsync(path + "/for-container", new { forContainer = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True((await Responses.JsonAsync(marked)).GetProperty("forContainer").GetBoolean());
        Assert.True((await sam.QuestionAsync(spaceId, id)).GetProperty("forContainer").GetBoolean());
        Assert.DoesNotContain("question", await alex.WaitingKindsAsync(spaceId));
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync(path + "/for-container", new { forContainer = false })).StatusCode);
        Assert.False((await alex.QuestionAsync(spaceId, id)).GetProperty("forContainer").GetBoolean());
        Assert.Contains("question", await alex.WaitingKindsAsync(spaceId));

        // The practitioner reads it but does not steer it; nobody but the asker takes it back.
        Assert.Equal(Question, (await lee.QuestionAsync(spaceId, id)).GetProperty("text").GetString());
        await SpaceSteps.AssertProblemAsync(await lee.PutJsonAsync(path + "/for-container", new { forContainer = true }), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await lee.TryAnswerQuestionAsync(spaceId, id, "The practitioner's answer.", 0), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await lee.TryAskAsync(spaceId, new { text = "The practitioner's question." }), HttpStatusCode.NotFound);
        foreach (var other in new[] { alex, lee })
        {
            await SpaceSteps.AssertProblemAsync(await other.DeleteAsync(path), HttpStatusCode.NotFound);
        }

        // Once answered it stays: taking it back would take the answer with it.
        await alex.AnswerQuestionAsync(spaceId, id, "The honest answer.");
        var answered = await sam.DeleteAsync(path);
        var problem = await SpaceSteps.AssertProblemAsync(answered, HttpStatusCode.Conflict);
        Assert.Contains("answer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["The honest answer."], (await sam.QuestionAsync(spaceId, id)).GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()));

        var unanswered = await sam.AskAsync(spaceId, "A question Sam thinks better of.");
        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"{AtoneSteps.Questions(spaceId)}/{unanswered}")).StatusCode);
        Assert.Equal([Question], (await alex.QuestionsAsync(spaceId)).Select(q => q.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_question_is_read_with_its_answers_only_by_its_audience_and_a_hidden_one_answers_like_a_missing_one()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.CreateSpaceAsync("Kim's space", "Kim");
        var own = await sam.AskAsync(spaceId, "Sam's question, not asked yet.", "onlyMe");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var partners = await sam.AskAsync(spaceId, "For the partners.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var everyone = await sam.AskAsync(spaceId, "For the partners and Dr Lee.", "partnersAndPractitioner");
        await alex.AnswerQuestionAsync(spaceId, partners, "The partners' answer.");
        await alex.AnswerQuestionAsync(spaceId, everyone, "The answer Dr Lee may read.");

        Assert.Equal(["Sam's question, not asked yet.", "For the partners.", "For the partners and Dr Lee."], (await sam.QuestionsAsync(spaceId)).Select(q => q.GetProperty("text").GetString()));
        Assert.Equal(["For the partners.", "For the partners and Dr Lee."], (await alex.QuestionsAsync(spaceId)).Select(q => q.GetProperty("text").GetString()));
        var leeRaw = await (await lee.GetAsync(AtoneSteps.Questions(spaceId))).Content.ReadAsStringAsync();
        Assert.Equal(["For the partners and Dr Lee."], JsonDocument.Parse(leeRaw).RootElement.EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        Assert.Contains("The answer Dr Lee may read.", leeRaw, StringComparison.Ordinal);
        Assert.DoesNotContain("The partners' answer.", leeRaw, StringComparison.Ordinal);

        var unknown = SpaceSteps.UnknownId(app);
        foreach (var (who, id) in new[] { (alex, own), (kim, partners) })
        {
            var hidden = await who.TryAnswerQuestionAsync(spaceId, id, "An answer to something hidden.", 0);
            await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
            Assert.Equal(await Responses.ObservableAsync(await who.TryAnswerQuestionAsync(spaceId, unknown, "An answer to something hidden.", 0)), await Responses.ObservableAsync(hidden));
            await SpaceSteps.AssertProblemAsync(await who.PutJsonAsync($"{AtoneSteps.Questions(spaceId)}/{id}/for-container", new { forContainer = true }), HttpStatusCode.NotFound);
        }

        await SpaceSteps.AssertProblemAsync(await kim.GetAsync(AtoneSteps.Questions(spaceId)), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await kim.TryAskAsync(spaceId, new { text = "An outsider's question." }), HttpStatusCode.NotFound);
        Assert.False((await sam.QuestionAsync(spaceId, own)).GetProperty("forContainer").GetBoolean());
        Assert.Equal(0, (await sam.QuestionAsync(spaceId, own)).GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task Bad_questions_and_answers_are_a_400_naming_the_field_and_save_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await sam.AskAsync(spaceId, Question);
        var (questions, answer) = (AtoneSteps.Questions(spaceId), $"{AtoneSteps.Questions(spaceId)}/{id}/answer");

        (AppClient Who, string Method, string Path, string Body, string? Field)[] cases =
        [
            (sam, "POST", questions, "{}", "text"),
            (sam, "POST", questions, Json(new { text = "   " }), "text"),
            (sam, "POST", questions, Json(new { text = new string('x', 2_001) }), "text"),
            (sam, "POST", questions, Json(new { text = "Why?", audience = "everyone" }), null),
            (sam, "POST", questions, """{"text": "Why?", "forContainer": "yes"}""", null),
            (alex, "PUT", answer, Json(new { text = "", version = 0 }), "text"),
            (alex, "PUT", answer, Json(new { text = "   ", version = 0 }), "text"),
            (alex, "PUT", answer, Json(new { text = new string('x', 10_001), version = 0 }), "text"),
            (alex, "PUT", answer, """{"text": "Because.", "version": "first"}""", null),
            (sam, "PUT", answer, Json(new { text = "My own answer.", version = 0 }), "text"),
        ];

        var failures = new List<string>();
        foreach (var (who, method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await who.Http.SendAsync(request);
            var label = $"{method} {path.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)} {body[..Math.Min(body.Length, 60)]}";
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
            else if (field is not null && (await Responses.ErrorsForAsync(response, field)).Length == 0)
            {
                failures.Add($"{label}: no error for {field} in {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var only = Assert.Single(await alex.QuestionsAsync(spaceId));
        Assert.Equal((Question, 0), (only.GetProperty("text").GetString(), only.GetProperty("answers").GetArrayLength()));
    }

    [Fact]
    public async Task Leaving_removes_the_leavers_private_questions_and_without_keepShared_their_shared_questions_and_answers()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var alexAsks = await alex.AskAsync(spaceId, "Alex asks everyone.");
        await sam.AnswerQuestionAsync(spaceId, alexAsks, "Sam's answer.");
        await kit.AnswerQuestionAsync(spaceId, alexAsks, "Kit's answer.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.AskAsync(spaceId, "Sam's shared question.");
        await sam.AskAsync(spaceId, "Sam's private question.", "onlyMe");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var kitAsks = await kit.AskAsync(spaceId, "Kit's shared question.");
        await kit.AskAsync(spaceId, "Kit's private question.", "onlyMe");
        await alex.AnswerQuestionAsync(spaceId, kitAsks, "Alex answers Kit.");

        await sam.LeaveAsync(spaceId, keepShared: false);
        await kit.LeaveAsync(spaceId, keepShared: true);

        var left = await alex.QuestionsAsync(spaceId);
        Assert.Equal(["Alex asks everyone.", "Kit's shared question."], left.Select(q => q.GetProperty("text").GetString()));
        Assert.Equal([("A former partner", "Kit's answer.")], left[0].GetProperty("answers").EnumerateArray().Select(a => (a.GetProperty("author").GetString(), a.GetProperty("text").GetString())));
        Assert.Equal(("A former partner", "Alex answers Kit."), (left[1].GetProperty("asker").GetString(), Assert.Single(left[1].GetProperty("answers").EnumerateArray()).GetProperty("text").GetString()));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.HonestQuestions.CountAsync(q => q.SpaceId == spaceId));
        Assert.Equal(2, await db.HonestAnswers.CountAsync(a => a.SpaceId == spaceId));
    }

    [Fact]
    public async Task An_asker_who_leaves_takes_their_question_but_the_answer_stays_readable_for_its_writer_and_on_the_agenda()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var asked = await sam.AskAsync(spaceId, "SAM-QUESTION where were you on Friday?", forContainer: true);
        await alex.AnswerQuestionAsync(spaceId, asked, "Alex's answer stays Alex's.");
        var container = await kit.PlanAsync(spaceId, ContainerSteps.LocalIn(app, 2));

        await sam.LeaveAsync(spaceId, keepShared: false);

        var removed = Kintsugi.Web.Features.Atone.AtoneContent.English.Questions.Removed;
        var question = await alex.QuestionAsync(spaceId, asked);
        Assert.Equal(removed, question.GetProperty("text").GetString());
        Assert.Equal("Alex's answer stays Alex's.", Assert.Single(question.GetProperty("answers").EnumerateArray()).GetProperty("text").GetString());
        Assert.DoesNotContain("SAM-QUESTION", (await alex.GetJsonAsync(AtoneSteps.Questions(spaceId))).GetRawText(), StringComparison.Ordinal);

        var response = await kit.GetAsync(ContainerSteps.Container(spaceId, container));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("SAM-QUESTION", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([removed], await kit.AgendaAsync(spaceId, container));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty((await db.HonestQuestions.SingleAsync(q => q.Id == asked)).Text);
    }

    [Fact]
    public async Task The_data_export_holds_the_questions_I_asked_and_the_answers_I_wrote()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var asked = await sam.AskAsync(spaceId, "Sam asks Alex.", forContainer: true);
        var toSam = await alex.AskAsync(spaceId, "Alex asks Sam.");
        await alex.AnswerQuestionAsync(spaceId, asked, "Alex answers Sam.");
        await sam.AnswerQuestionAsync(spaceId, toSam, "Sam answers Alex.");

        var export = await sam.ExportAsync();

        var atone = Assert.Single(export.GetProperty("spaces").EnumerateArray()).GetProperty("atone");
        var question = Assert.Single(atone.GetProperty("questions").EnumerateArray());
        Assert.Equal((asked, "Sam asks Alex.", "partners", true), (question.GetProperty("id").GetGuid(), question.GetProperty("text").GetString(), question.GetProperty("audience").GetString(), question.GetProperty("forContainer").GetBoolean()));
        var answer = Assert.Single(atone.GetProperty("answers").EnumerateArray());
        Assert.Equal((toSam, "Sam answers Alex."), (answer.GetProperty("questionId").GetGuid(), answer.GetProperty("text").GetString()));
        Assert.DoesNotContain("Alex answers Sam.", export.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alex asks Sam.", export.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_honest_answers_page_opens_for_partners_and_is_not_found_for_outsiders_and_an_empty_answer_stays_next_to_its_question()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var id = await sam.AskAsync(spaceId, "What did you tell your sister?");
        await sam.AskAsync(spaceId, "Sam's private question.", "onlyMe");
        var page = $"/spaces/{spaceId}/honest-answers";

        Assert.Contains("What did you tell your sister?", await sam.PageAsync(page), StringComparison.Ordinal);
        var alexPage = await alex.PageAsync(page);
        Assert.Contains("What did you tell your sister?", alexPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam's private question.", alexPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam&#x27;s private question.", alexPage, StringComparison.Ordinal);
        var outsider = await kim.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.DoesNotContain("sister", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var empty = await alex.SubmitAsync(page, $"answer-{id:N}", new Dictionary<string, string> { ["text"] = "  ", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains($"id=\"answer-{id:N}-error\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await sam.QuestionAsync(spaceId, id)).GetProperty("answers").GetArrayLength());

        var answered = await alex.SubmitAsync(page, $"answer-{id:N}", new Dictionary<string, string> { ["text"] = "That we were going through a hard time.", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("That we were going through a hard time.", await sam.PageAsync(page), StringComparison.Ordinal);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}

public sealed class SqliteHonestAnswerTests(SqliteApp app) : HonestAnswerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHonestAnswerTests(PostgresApp app) : HonestAnswerTests(app), IClassFixture<PostgresApp>;
