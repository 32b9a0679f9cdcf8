package io.aigw.gateway.support;

import java.time.Instant;

/** The access keys the control-plane stub knows, as full tokens (fixed, so any class loader sees the same). */
public final class TestKeys {

    public static final String ALLOW_ALL = "ag-allowall01-g1-S3cretAllowAll_abcdefghijkl";
    public static final String SCOPED = "ag-scoped0001-g1-S3cretScoped_abcdefghijklmn";
    public static final String ROUTED = "ag-routed0001-g1-S3cretRouted_abcdefghijklmn";
    public static final String ALL_BAD = "ag-allbad0001-g1-S3cretAllBad_abcdefghijklmn";
    public static final String NOTHING_ALLOWED = "ag-nothing001-g1-S3cretNothing_abcdefghijklm";
    public static final String REVOKED = "ag-revoked001-g1-S3cretRevoked_abcdefghijklm";
    public static final String EXPIRED = "ag-expired001-g1-S3cretExpired_abcdefghijklm";
    public static final String DANGLING = "ag-dangling01-g1-S3cretDangling_abcdefghijkl";
    /** Limited to 3 requests per minute. */
    public static final String RPM_LIMITED = "ag-rpmlimit01-g1-S3cretRpmLimit_abcdefghijk";
    /** Limited to 5 tokens per minute. */
    public static final String TPM_LIMITED = "ag-tpmlimit01-g1-S3cretTpmLimit_abcdefghijk";
    /** A monthly budget of 0.0003 USD. */
    public static final String BUDGET_LIMITED = "ag-budget0001-g1-S3cretBudget_abcdefghijklm";
    /** A daily budget of 0.0003 USD. */
    public static final String DAILY_BUDGET = "ag-daily00001-g1-S3cretDailyBudget_abcdefgh";
    /** Two keys sharing their configuration's weekly budget of 0.0003 USD. */
    public static final String SHARED_A = "ag-shareda001-g1-S3cretSharedA_abcdefghijkl";
    public static final String SHARED_B = "ag-sharedb001-g1-S3cretSharedB_abcdefghijkl";
    /** A monthly budget of 1 USD, with allowUnpricedModels. */
    public static final String UNPRICED_OK = "ag-unpriced01-g1-S3cretUnpriced_abcdefghijk";
    /** Configuration with the firewall policy `agent-guard` (TestDocuments). */
    public static final String FIREWALLED = "ag-firewall01-g1-S3cretFirewall_abcdefghijk";
    /** Configuration with the audit-mode firewall policy `watch`. */
    public static final String FIREWALL_AUDIT = "ag-fwaudit001-g1-S3cretFwAudit_abcdefghijkl";
    /** Configuration with the firewall policy `judged` (decision rules, onError block). */
    public static final String FIREWALL_JUDGED = "ag-fwjudge001-g1-S3cretFwJudge_abcdefghijkl";
    /** Configuration with the firewall policy `judged-lenient` (a judge that hangs, onError allow). */
    public static final String FIREWALL_JUDGE_LENIENT = "ag-fwlenient1-g1-S3cretFwLenient_abcdefghij";
    /**
     * Configuration that allows only the provider `banded` (three price bands), reads a missing model as auto, and has
     * the firewall policy `agent-guard`.
     */
    public static final String AUTO_BANDED = "ag-autoband01-g1-S3cretAutoBand_abcdefghijkl";
    /** Configuration with the firewall policy `judged-tools` (a judge that finds every tool call risky). */
    public static final String FIREWALL_TOOLS_JUDGED = "ag-fwtools001-g1-S3cretFwTools_abcdefghijkl";
    /** Configuration with the firewall policy `cleared-tools` (a judge that clears every tool call). */
    public static final String FIREWALL_TOOLS_CLEARED = "ag-fwtoolok01-g1-S3cretFwToolOk_abcdefghijk";
    /** Configuration with the firewall policy `hanging-tools` (a tool-call judge that hangs, onError block). */
    public static final String FIREWALL_TOOLS_HANG = "ag-fwtoolhang-g1-S3cretFwToolHang_abcdefghi";
    /** Revoked by a test while the gateway runs. */
    public static final String TO_REVOKE = "ag-torevoke01-g1-S3cretToRevoke_abcdefghijk";

    private TestKeys() {
    }

    static void register(ControlPlaneStub stub) {
        add(stub, ALLOW_ALL, "active", null, null);
        add(stub, SCOPED, "active", Instant.parse("2099-01-01T00:00:00Z"), "cfg_scoped0000000001");
        add(stub, ROUTED, "active", null, "cfg_routed0000000001");
        add(stub, ALL_BAD, "active", null, "cfg_allbad0000000001");
        add(stub, NOTHING_ALLOWED, "active", null, "cfg_nothing000000001");
        add(stub, REVOKED, "revoked", null, null);
        add(stub, EXPIRED, "active", Instant.parse("2020-01-01T00:00:00Z"), null);
        add(stub, DANGLING, "active", null, "cfg_gone");
        add(stub, TO_REVOKE, "active", null, null);
        add(stub, RPM_LIMITED, "active", null, "cfg_rpm0000000000001");
        add(stub, TPM_LIMITED, "active", null, "cfg_tpm0000000000001");
        add(stub, BUDGET_LIMITED, "active", null, "cfg_budget0000000001");
        add(stub, DAILY_BUDGET, "active", null, "cfg_daily00000000001");
        add(stub, SHARED_A, "active", null, "cfg_shared0000000001");
        add(stub, SHARED_B, "active", null, "cfg_shared0000000001");
        add(stub, UNPRICED_OK, "active", null, "cfg_unpriced00000001");
        add(stub, FIREWALLED, "active", null, "cfg_firewall00000001");
        add(stub, FIREWALL_AUDIT, "active", null, "cfg_fwaudit000000001");
        add(stub, FIREWALL_JUDGED, "active", null, "cfg_fwjudge000000001");
        add(stub, FIREWALL_JUDGE_LENIENT, "active", null, "cfg_fwlenient0000001");
        add(stub, AUTO_BANDED, "active", null, "cfg_auto000000000001");
        add(stub, FIREWALL_TOOLS_JUDGED, "active", null, "cfg_fwtools000000001");
        add(stub, FIREWALL_TOOLS_CLEARED, "active", null, "cfg_fwtoolok00000001");
        add(stub, FIREWALL_TOOLS_HANG, "active", null, "cfg_fwtoolhang000001");
    }

    /** The public id of a token. */
    public static String publicId(String token) {
        return token.substring(3, token.indexOf("-g1-"));
    }

    private static void add(ControlPlaneStub stub, String token, String status, Instant expiresAt, String configurationId) {
        int separator = token.indexOf("-g1-");
        stub.addAccessKey(token.substring(3, separator), token.substring(separator + 4), status, expiresAt,
                configurationId);
    }
}
