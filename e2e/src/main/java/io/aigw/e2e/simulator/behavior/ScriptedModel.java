package io.aigw.e2e.simulator.behavior;

/**
 * A requested model id split at its first {@code @}: {@code gpt-4o-mini@status=429} is echoed as
 * {@code gpt-4o-mini} and scripted with {@code status=429}.
 */
public record ScriptedModel(String model, String script) {

    public static ScriptedModel of(String requested) {
        if (requested == null) {
            return new ScriptedModel(null, null);
        }
        int at = requested.indexOf('@');
        return at < 0
                ? new ScriptedModel(requested, null)
                : new ScriptedModel(requested.substring(0, at), requested.substring(at + 1));
    }
}
