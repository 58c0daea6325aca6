using LineaHub.Hub.Nodes;

namespace LineaHub.Hub.Faq;

/// <summary>Who changes an entry: the calling node, and whether its token carries <c>faq.editor</c>.</summary>
public sealed record FaqActor(Node Node, bool IsEditor);
