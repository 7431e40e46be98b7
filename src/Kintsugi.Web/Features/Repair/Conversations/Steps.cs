namespace Kintsugi.Web.Features.Repair;

/// <summary>How the steps are named in the content file.</summary>
internal static class Steps
{
    public static string Key(ConversationStep step) => step switch
    {
        ConversationStep.Listen => "listen",
        ConversationStep.Forward => "forward",
        ConversationStep.Apology => "apology",
        _ => "keep-talking",
    };

    public static JourneyContent.Step Content(ConversationStep step) => JourneyContent.English.FindStep(Key(step))!;
}
