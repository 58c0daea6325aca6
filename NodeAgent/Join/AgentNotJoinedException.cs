namespace LineaHub.NodeAgent.Join;

public sealed class AgentNotJoinedException(string dataDirectory)
    : Exception($"L'agente non ha ancora aderito alla rete (cartella dati {dataDirectory}): eseguire prima 'join --hub URL --code CODICE'.");
