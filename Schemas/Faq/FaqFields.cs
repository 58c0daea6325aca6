namespace LineaHub.Schemas.Faq;

/// <summary>Field names of the FAQ index, shared by writer, query builder and tests.</summary>
internal static class FaqFields
{
    public const string Id = "id";
    public const string Question = "question";
    public const string Answer = "answer";
    public const string Keywords = "keywords";
    public const string Category = "category";
    public const string CategoryPath = "category_path";
    public const string Scope = "scope";
    public const string Region = "region";
    public const string Entity = "entity";
    public const string ValidFrom = "valid_from";
    public const string ValidTo = "valid_to";

    /// <summary>Searched text fields, with the weight of each.</summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Question, FaqScoring.QuestionBoost),
        (Keywords, FaqScoring.KeywordsBoost),
        (Answer, FaqScoring.AnswerBoost),
    ];
}
