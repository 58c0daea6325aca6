using System.Text;
using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Schemas.Tests.Anonymisation;

/// <summary>A synthetic text with the spans that must be redacted.</summary>
internal sealed record LabelledText(string Kind, string Text, IReadOnlyList<PiiFinding> Gold)
{
    public sealed class Builder(string kind)
    {
        private readonly StringBuilder text = new();
        private readonly List<PiiFinding> gold = [];

        public Builder T(string plain)
        {
            text.Append(plain);
            return this;
        }

        public Builder P(PiiLabel label, string value)
        {
            gold.Add(new PiiFinding(label, text.Length, value.Length));
            text.Append(value);
            return this;
        }

        public LabelledText Build() => new(kind, text.ToString(), gold);
    }
}
