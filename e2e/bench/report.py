#!/usr/bin/env python3
"""Figures of an e2e/bench run: one progress line per point, and the final Markdown table + JSON.

    report.py line                                  < one point (JSON) on stdin → one line
    report.py report META.tsv POINTS.jsonl OUT.md OUT.json

A point is {"round", "scenario", "target", "tool": "wrk"|"openloop", "cpu_ticks", "jit_ticks", "rss_kb_max",
"has_pid", "parts_ticks" (metering: {part: ticks} of the suite's other processes), "parts_window_s", "idle" (metering:
{"seconds", "ticks": {part: ticks}} of the parts with no load), "ledger_lag_end", "result"}, where result is wrk's JSON line (wrk/post.lua) or the open-loop generator's (OpenLoopLoad).
Absolute figures are medians over the rounds; ratios and added latencies are computed per round between targets
measured back to back (paired), then their median is reported (with min and max in the JSON).
"""
import json
import statistics
import sys

TARGET_ORDER = ["direct", "nginx", "vertx-min", "aigw", "aigw-budget", "aigw-firewall", "aigw-judge", "portkey"]
GOALS = {  # issue 19, for aigw (c32_vs_portkey: issue 9's, kept)
    "added_p50_c1_ms": 0.10,
    "c32_vs_nginx": 0.6,
    "stream_c32_vs_nginx": 0.7,
    "c32_vs_portkey": 7.0,
    "added_ttfb_p50_ms": 0.10,
    "open_loop_added_p99_ms": 5.0,
    "cpu_us_per_chat": 50,
    "metering_us": 60,
    "rss_mb": 250,
}
METERING_PARTS = ("kafka", "key-service", "postgresql")  # issue 19: "Kafka + ledger + PostgreSQL together"


def figures(point, clk_tck=100):
    """Normalises one point: req/s, latency percentiles (ms), errors, requests, CPU seconds, RSS MB."""
    r = point["result"]
    if point["tool"] == "wrk":
        lat = {k: v / 1000.0 for k, v in r["latency_us"].items()}
        seconds = r["duration_us"] / 1e6
        requests = r["requests"]
        f = {
            "rps": requests / seconds if seconds else 0.0,
            "latency_ms": lat,
            "errors": sum(r["errors"].values()),
            "error_detail": r["errors"],
            "requests": requests,
        }
    else:
        f = {
            "rps": r["achievedRate"],
            "latency_ms": r["latencyMs"],
            "service_ms": r["serviceMs"],
            "ttfb_ms": r["ttfbMs"],
            "errors": r["statusErrors"] + r["socketErrors"],
            "error_detail": {"status": r["statusErrors"], "socket": r["socketErrors"]},
            "unanswered": r["timeouts"],
            "requests": r["completed"],
            "requests_with_warmup": r["completed"] + r.get("warmupRequests", 0),
            "sent": r["sent"],
            "rate": r["rate"],
            "events_per_response": r["eventsPerResponse"],
            "deliveries_per_response": r["deliveriesPerResponse"],
            "min_deliveries": r["minDeliveries"],
            "bytes_per_response": r["bytesPerResponse"],
        }
    f.setdefault("unanswered", 0)
    f.setdefault("requests_with_warmup", f["requests"])
    if point.get("has_pid"):
        f["cpu_s"] = point["cpu_ticks"] / clk_tck
        f["jit_s"] = point.get("jit_ticks", 0) / clk_tck
        f["rss_mb"] = point["rss_kb_max"] / 1024.0
    if point.get("parts_ticks"):
        f["parts_s"] = {part: ticks / clk_tck for part, ticks in point["parts_ticks"].items()}
        idle, window = point.get("idle"), point.get("parts_window_s")
        if idle and idle.get("seconds") and window:
            # what the parts spend with no traffic at all, scaled to the load's window: their idle floor
            f["parts_idle_s"] = {part: ticks / clk_tck * window / idle["seconds"]
                                 for part, ticks in idle["ticks"].items()}
    if point.get("ledger_lag_end") is not None:
        f["ledger_lag_end"] = point["ledger_lag_end"]
    return f


def line():
    point = json.loads(sys.stdin.read())
    f = figures(point)
    lat = f["latency_ms"]
    text = (f"  round {point['round']} {point['scenario']:<11} {point['target']:<8} "
            f"{f['rps']:>9.0f} req/s  p50 {lat['p50']:7.3f} ms  p99 {lat['p99']:8.3f} ms  errors {f['errors']}")
    if f["unanswered"]:
        text += f"  unanswered {f['unanswered']}"
    if "ttfb_ms" in f:
        text += f"  ttfb p50 {f['ttfb_ms']['p50']:.2f} ms  deliveries {f['deliveries_per_response']:.1f}"
    print(text)


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "rounds": len(values)}


def aggregate(points, clk_tck):
    """{scenario: {target: summary}}, with paired ratios and added latencies against direct and nginx."""
    by = {}
    for p in points:
        f = figures(p, clk_tck)
        by.setdefault(p["scenario"], {}).setdefault(p["target"], {})[p["round"]] = f
    out = {}
    for scenario, targets in by.items():
        out[scenario] = {}
        for target, rounds in targets.items():
            fs = list(rounds.values())
            s = {
                "rounds": len(fs),
                "rps": med([f["rps"] for f in fs]),
                "latency_ms": {k: med([f["latency_ms"][k] for f in fs]) for k in ("p50", "p90", "p99", "p999", "max")},
                "errors": sum(f["errors"] for f in fs),
                "unanswered": sum(f["unanswered"] for f in fs),
                "requests": sum(f["requests"] for f in fs),
            }
            if "ttfb_ms" in fs[0]:
                s["ttfb_ms"] = {k: med([f["ttfb_ms"][k] for f in fs]) for k in ("p50", "p90", "p99", "p999")}
                s["deliveries_per_response"] = med([f["deliveries_per_response"] for f in fs])
                s["min_deliveries"] = min(f["min_deliveries"] for f in fs)
                s["events_per_response"] = med([f["events_per_response"] for f in fs])
                s["bytes_per_response"] = med([f["bytes_per_response"] for f in fs])
                s["rate"] = fs[0]["rate"]
            served = sum(f["requests_with_warmup"] for f in fs)  # the CPU window includes the generator's warm-up
            if all("cpu_s" in f for f in fs) and served:
                s["cpu_s_per_10k"] = sum(f["cpu_s"] for f in fs) / served * 10_000
                s["cpu_us_per_request"] = s["cpu_s_per_10k"] * 100
                cpu = sum(f["cpu_s"] for f in fs)
                s["jit_share"] = sum(f["jit_s"] for f in fs) / cpu if cpu else None
                s["rss_mb_max"] = max(f["rss_mb"] for f in fs)
            if served and all("parts_s" in f for f in fs):
                parts = {part for f in fs for part in f["parts_s"]}
                s["parts_us_per_request"] = {
                    part: sum(f["parts_s"].get(part, 0.0) for f in fs) / served * 1e6 for part in sorted(parts)}
                if all("parts_idle_s" in f for f in fs):
                    s["parts_idle_us_per_request"] = {
                        part: sum(f["parts_idle_s"].get(part, 0.0) for f in fs) / served * 1e6 for part in sorted(parts)}
            if any("ledger_lag_end" in f for f in fs):
                s["ledger_lag_end"] = [f.get("ledger_lag_end") for f in fs]
            for ref in ("direct", "nginx", "portkey", "aigw"):
                if ref == target or ref not in targets:
                    continue
                pairs = [(rounds[r], targets[ref][r]) for r in rounds if r in targets[ref]]
                s[f"vs_{ref}"] = {
                    "rps_ratio": spread([a["rps"] / b["rps"] if b["rps"] else None for a, b in pairs]),
                    "added_p50_ms": spread([a["latency_ms"]["p50"] - b["latency_ms"]["p50"] for a, b in pairs]),
                    "added_p99_ms": spread([a["latency_ms"]["p99"] - b["latency_ms"]["p99"] for a, b in pairs]),
                }
                if "ttfb_ms" in fs[0]:
                    s[f"vs_{ref}"]["added_ttfb_p50_ms"] = spread(
                        [a["ttfb_ms"]["p50"] - b["ttfb_ms"]["p50"] for a, b in pairs])
            out[scenario][target] = s
    return out


def fmt(value, digits=2, suffix=""):
    if isinstance(value, dict):
        value = value.get("median")
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def ratio(value):
    """Ratios: two decimals, three below 0.1 (Portkey against nginx)."""
    if isinstance(value, dict):
        value = value.get("median")
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"


def self_ratio(agg, scenario, target, ref):
    """The × direct / × nginx cell: 1.00 on the reference's own row when it was measured."""
    if target == ref:
        return "1.00" if get(agg, scenario, target) is not None else "–"
    return ratio(get(agg, scenario, target, f"vs_{ref}", "rps_ratio"))


def signed(value, digits=3):
    if isinstance(value, dict):
        value = value.get("median")
    if value is None:
        return "–"
    return f"{value:+.{digits}f}"


def get(agg, scenario, target, *path):
    node = agg.get(scenario, {}).get(target)
    for key in path:
        if node is None:
            return None
        node = node.get(key)
    return node


def markdown(meta, agg, targets):
    m = lambda k: meta.get(k, [""])[0]
    out = []
    out.append(f"# AIGW benchmark, {m('date')}")
    out.append("")
    out.append(f"- Machine: {m('nproc')} × {m('cpu')}, {m('memory')}, Linux {m('kernel')}; "
               f"load average {m('loadavg_start')} at the start, {m('loadavg_end')} at the end")
    tools = [f"{m('java')}", f"{m('wrk')}"]
    if m("nginx"):
        tools.append(f"nginx {m('nginx')} (1 worker, upstream keepalive, proxy_buffering off)")
    if m("portkey"):
        tools.append(f"Portkey gateway {m('portkey')}")
    out.append("- Software: " + "; ".join(tools))
    out.append(f"- Run: {m('rounds')} round(s), {m('duration')} per point, warm-up {m('warmup')} per target "
               f"(+{m('load_warmup')} per open-loop point); targets interleaved, order rotated every scenario and "
               f"round; all on 127.0.0.1; upstream: provider simulator {m('simulator')} (recording off)")
    out.append(f"- Targets: {', '.join(targets)}" + (f" (aigw at {m('gateway_url')})" if "aigw" in targets else ""))
    for skipped in meta.get("skipped", []):
        out.append(f"- Skipped: {skipped}")
    out.append("")

    c1, c32 = "chat-c1", "chat-c32"
    if c1 in agg or c32 in agg:
        out.append("## Chat completion, JSON answer (closed loop, wrk)")
        out.append("")
        out.append("| target | c=1 req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | added p50 vs direct | "
                   "c=32 req/s | × direct | × nginx | p50 ms @32 | p99 ms @32 | errors |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for t in targets:
            errors = (get(agg, c1, t, "errors") or 0) + (get(agg, c32, t, "errors") or 0)
            out.append("| " + " | ".join([
                t,
                fmt(get(agg, c1, t, "rps"), 0),
                fmt(get(agg, c1, t, "latency_ms", "p50"), 3),
                fmt(get(agg, c1, t, "latency_ms", "p90"), 3),
                fmt(get(agg, c1, t, "latency_ms", "p99"), 3),
                fmt(get(agg, c1, t, "latency_ms", "p999"), 3),
                "–" if t == "direct" else signed(get(agg, c1, t, "vs_direct", "added_p50_ms")),
                fmt(get(agg, c32, t, "rps"), 0),
                self_ratio(agg, c32, t, "direct"),
                self_ratio(agg, c32, t, "nginx"),
                fmt(get(agg, c32, t, "latency_ms", "p50"), 3),
                fmt(get(agg, c32, t, "latency_ms", "p99"), 3),
                str(errors),
            ]) + " |")
        out.append("")

    if "open-loop" in agg:
        rate = next(iter(agg["open-loop"].values())).get("rate")
        out.append(f"## Chat completion, open loop at {fmt(rate, 0)} req/s (latency from each request's due time: "
                   f"no coordinated omission)")
        out.append("")
        out.append("| target | achieved req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | added p50 | "
                   "added p99 | unanswered | errors |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for t in targets:
            if get(agg, "open-loop", t) is None:
                continue
            achieved = get(agg, "open-loop", t, "rps")
            saturated = achieved is not None and rate and achieved < 0.95 * rate
            out.append("| " + " | ".join([
                t,
                fmt(achieved, 0) + (" (saturated)" if saturated else ""),
                *(fmt(get(agg, "open-loop", t, "latency_ms", k), 3) for k in ("p50", "p90", "p99", "p999", "max")),
                "–" if t == "direct" else signed(get(agg, "open-loop", t, "vs_direct", "added_p50_ms")),
                "–" if t == "direct" else signed(get(agg, "open-loop", t, "vs_direct", "added_p99_ms")),
                str(get(agg, "open-loop", t, "unanswered")),
                str(get(agg, "open-loop", t, "errors")),
            ]) + " |")
        out.append("")

    s1, s32, st = "stream-c1", "stream-c32", "stream-ttft"
    if any(s in agg for s in (s1, s32, st)):
        out.append(f"## Streaming, {m('stream_chunks')} chunks")
        out.append("")
        out.append(f"Closed loop (wrk) with no upstream delay (`{m('stream_directives')}`); time to first/last byte "
                   f"from the open-loop generator at {m('stream_rate')} streams/s with `{m('ttft_directives')}` "
                   f"(first byte = first SSE event; deliveries = body reads more than 1 ms apart, "
                   f"{m('stream_chunks')} when every chunk is forwarded on its own).")
        out.append("")
        out.append("| target | c=1 streams/s | p50 ms | c=32 streams/s | × direct | × nginx | TTFB p50 ms | "
                   "TTFB p99 ms | added TTFB p50 | TTLB p50 ms | added TTLB p50 | deliveries/stream (min) | errors |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for t in targets:
            if all(get(agg, s, t) is None for s in (s1, s32, st)):
                out.append(f"| {t} | stream check failed | | | | | | | | | | | |")
                continue
            errors = sum(get(agg, s, t, "errors") or 0 for s in (s1, s32, st))
            deliveries = get(agg, st, t, "deliveries_per_response")
            out.append("| " + " | ".join([
                t,
                fmt(get(agg, s1, t, "rps"), 0),
                fmt(get(agg, s1, t, "latency_ms", "p50"), 3),
                fmt(get(agg, s32, t, "rps"), 0),
                self_ratio(agg, s32, t, "direct"),
                self_ratio(agg, s32, t, "nginx"),
                fmt(get(agg, st, t, "ttfb_ms", "p50"), 2),
                fmt(get(agg, st, t, "ttfb_ms", "p99"), 2),
                "–" if t == "direct" else signed(get(agg, st, t, "vs_direct", "added_ttfb_p50_ms")),
                fmt(get(agg, st, t, "latency_ms", "p50"), 2),
                "–" if t == "direct" else signed(get(agg, st, t, "vs_direct", "added_p50_ms")),
                "–" if deliveries is None else f"{deliveries:.1f} ({get(agg, st, t, 'min_deliveries')})",
                str(errors),
            ]) + " |")
        out.append("")

    if "chat-large" in agg or "streams-long" in agg:
        out.append("## Work that grows with the request (issue 19)")
        out.append("")
        out.append("wrk, 1 connection. `chat-large`: a 128 KiB prompt, the size coding agents send. `streams-long`: a "
                   f"stream of {m('long_stream_chunks')} chunks. CPU is the target's processes' per request, and per chunk of the long stream.")
        out.append("")
        out.append("| target | chat-large p50 ms | added p50 | CPU µs / request | streams-long p50 ms | added p50 | "
                   "CPU µs / chunk | errors |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for t in targets:
            large_cpu = get(agg, "chat-large", t, "cpu_s_per_10k")
            long_cpu = get(agg, "streams-long", t, "cpu_s_per_10k")
            errors = sum(get(agg, sc, t, "errors") or 0 for sc in ("chat-large", "streams-long"))
            out.append("| " + " | ".join([
                t,
                fmt(get(agg, "chat-large", t, "latency_ms", "p50"), 3),
                "–" if t == "direct" else signed(get(agg, "chat-large", t, "vs_direct", "added_p50_ms")),
                "–" if large_cpu is None else fmt(large_cpu * 100, 0),
                fmt(get(agg, "streams-long", t, "latency_ms", "p50"), 2),
                "–" if t == "direct" else signed(get(agg, "streams-long", t, "vs_direct", "added_p50_ms")),
                "–" if long_cpu is None else fmt(long_cpu * 100 / int(m("long_stream_chunks")), 2),
                str(errors),
            ]) + " |")
        out.append("")

    out.append("## Process cost (the proxy's processes; for direct, the simulator)")
    out.append("")
    out.append("| target | RSS max MB | CPU µs / chat (c=32) | CPU µs / stream (c=32) | "
               "CPU µs / chat (open loop) | JIT share of that CPU |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for t in targets:
        rss = [get(agg, s, t, "rss_mb_max") for s in agg]
        rss = [v for v in rss if v is not None]
        jit = [get(agg, sc, t, "jit_share") for sc in (c32, s32, "open-loop")]
        jit = [v for v in jit if v is not None]
        out.append("| " + " | ".join([
            t,
            fmt(max(rss), 0) if rss else "– (no pid)",
            fmt(get(agg, c32, t, "cpu_us_per_request"), 0),
            fmt(get(agg, s32, t, "cpu_us_per_request"), 0),
            fmt(get(agg, "open-loop", t, "cpu_us_per_request"), 0),
            "–" if not jit else f"{100 * max(jit):.1f} % (max)",
        ]) + " |")
    out.append("")
    out.append("A JVM target is warmed up until its JIT compiler has settled (under 0.2 s of compiler CPU in 15 s of "
               "load, at most 4 minutes); the JIT column says how much of the measured CPU was still compilation.")
    out.append("")

    parts = get(agg, "metering", "aigw", "parts_us_per_request")
    if parts is not None:
        gateway = get(agg, "metering", "aigw", "cpu_us_per_request")
        achieved = get(agg, "metering", "aigw", "rps")
        out.append(f"## CPU per request across the suite, open loop at {m('meter_rate')} req/s (issue 19)")
        out.append("")
        out.append(f"aigw achieved {fmt(achieved, 0)} req/s, p99 "
                   f"{fmt(get(agg, 'metering', 'aigw', 'latency_ms', 'p99'), 2)} ms. Metering is what the usage "
                   f"events cost after the gateway: {', '.join(METERING_PARTS)}.")
        out.append("")
        idle = get(agg, "metering", "aigw", "parts_idle_us_per_request") or {}
        out.append("| part | CPU µs / request | of it the idle floor | above idle |")
        out.append("|---|---:|---:|---:|")
        out.append(f"| gateway | {fmt(gateway, 0)} | | |")
        for part, us in parts.items():
            floor = idle.get(part)
            out.append(f"| {part} | {fmt(us, 0)} | {fmt(floor, 0)} | {fmt(None if floor is None else us - floor, 0)} |")
        metering = sum(us for part, us in parts.items() if part in METERING_PARTS)
        floor = sum(us for part, us in idle.items() if part in METERING_PARTS) if idle else None
        out.append(f"| **metering ({' + '.join(METERING_PARTS)})** | **{fmt(metering, 0)}** | {fmt(floor, 0)} | "
                   f"**{fmt(None if floor is None else metering - floor, 0)}** |")
        out.append(f"| **all** | **{fmt(metering + (gateway or 0) + parts.get('redis', 0.0), 0)}** | | |")
        out.append("")
        if idle:
            out.append("The idle floor is what each part spent with no traffic at all (measured before each point, "
                       "scaled to its window): timers and polls that a light load pays per request.")
            out.append("")
        lag = get(agg, "metering", "aigw", "ledger_lag_end")
        if lag is not None:
            out.append(f"The ledger's consumer lag on usage-events just after each point (records not yet fetched, "
                       f"key-service's Kafka client metrics): {', '.join(str(v) for v in lag)}.")
            out.append("")

    if "aigw" in targets:
        out.append("## Goals of issue 19 (aigw)")
        out.append("")
        checks = goal_checks(agg)
        for name, value, goal, ok in checks:
            out.append(f"- {name}: {value} (goal {goal}) {'✅' if ok else '❌' if ok is not None else '–'}")
        out.append("")

    if "aigw" in targets and "aigw-budget" in targets:
        out.append("## Budget reservation (issue 15): aigw-budget against aigw, paired per round")
        out.append("")
        for scenario in ("chat-c1", "chat-c32"):
            added = get(agg, scenario, "aigw-budget", "vs_aigw", "added_p50_ms")
            ratio = get(agg, scenario, "aigw-budget", "vs_aigw", "rps_ratio")
            out.append(f"- {scenario}: reservation adds {signed(added)} ms at p50, throughput × {fmt(ratio, 2)}")
        out.append("")

    firewall = [t for t in ("aigw-firewall", "aigw-judge") if t in targets]
    if "aigw" in targets and firewall:
        request = (f"a {m('prompt_bytes')}-byte prompt" if m("prompt_bytes") not in ("", "0") else "the short prompt")
        if m("tool_call") == "1":
            request += ", the model made to call a tool"
        out.append(f"## Firewall (issue 17): {' and '.join(firewall)} against aigw, paired per round")
        out.append("")
        out.append(f"Chat request: {request} (the same on every target). aigw-firewall: a policy of 20 rules "
                   "(12 regex, 8 pii); aigw-judge: a decision rule on the tool calls of the answer, judged by a "
                   "simulator model through the gateway (e2e/bench/firewall-setup).")
        out.append("")
        for t in firewall:
            for scenario in ("chat-c1", "chat-c32"):
                added = get(agg, scenario, t, "vs_aigw", "added_p50_ms")
                added99 = get(agg, scenario, t, "vs_aigw", "added_p99_ms")
                ratio = get(agg, scenario, t, "vs_aigw", "rps_ratio")
                cpu, ref_cpu = get(agg, scenario, t, "cpu_us_per_request"), get(agg, scenario, "aigw", "cpu_us_per_request")
                extra = ("" if cpu is None or ref_cpu is None or scenario != "chat-c32"  # at c=1 idle time dominates
                         else f", gateway CPU {signed(cpu - ref_cpu, 0)} µs per request")
                out.append(f"- {t}, {scenario}: adds {signed(added)} ms at p50 ({signed(added99)} ms at p99), "
                           f"throughput × {fmt(ratio, 2)}{extra}")
        out.append("")

    out.append("Absolute figures are medians over the rounds; ratios and added latencies are medians of per-round "
               "paired values (min–max in the JSON). Errors are non-2xx answers plus socket errors (and wrk's "
               "timeouts), summed over all rounds; they must be 0. Unanswered: open-loop requests still waiting when "
               "the point ended, i.e. the target could not keep the rate (its latencies then show the queue). "
               "CPU per 10k counts the requests of the open-loop generator's warm-up too.")
    total_errors = sum(s.get("errors", 0) for sc in agg.values() for s in sc.values())
    if total_errors:
        out.append("")
        out.append(f"**WARNING: {total_errors} errors in this run: the figures are not valid.**")
    return "\n".join(out) + "\n"


def goal_checks(agg):
    checks = []

    def add(name, value, goal, ok_fn, digits=3):
        v = value.get("median") if isinstance(value, dict) else value
        checks.append((name, "–" if v is None else f"{v:.{digits}f}", goal, None if v is None else ok_fn(v)))

    add("added p50 at c=1 (ms)", get(agg, "chat-c1", "aigw", "vs_direct", "added_p50_ms"),
        f"≤ {GOALS['added_p50_c1_ms']}", lambda v: v <= GOALS["added_p50_c1_ms"])
    add("throughput at c=32 × nginx", get(agg, "chat-c32", "aigw", "vs_nginx", "rps_ratio"),
        f"≥ {GOALS['c32_vs_nginx']}", lambda v: v >= GOALS["c32_vs_nginx"], 2)
    add("throughput at c=32 × Portkey", get(agg, "chat-c32", "aigw", "vs_portkey", "rps_ratio"),
        f"≥ {GOALS['c32_vs_portkey']}", lambda v: v >= GOALS["c32_vs_portkey"], 2)
    add("streams at c=32 × nginx", get(agg, "stream-c32", "aigw", "vs_nginx", "rps_ratio"),
        f"≥ {GOALS['stream_c32_vs_nginx']}", lambda v: v >= GOALS["stream_c32_vs_nginx"], 2)
    add("added TTFB p50 (ms)", get(agg, "stream-ttft", "aigw", "vs_direct", "added_ttfb_p50_ms"),
        f"≤ {GOALS['added_ttfb_p50_ms']}", lambda v: v <= GOALS["added_ttfb_p50_ms"])
    add("open loop: added p99 (ms)", get(agg, "open-loop", "aigw", "vs_direct", "added_p99_ms"),
        f"≤ {GOALS['open_loop_added_p99_ms']}", lambda v: v <= GOALS["open_loop_added_p99_ms"])
    add("gateway CPU per chat at c=32 (µs)", get(agg, "chat-c32", "aigw", "cpu_us_per_request"),
        f"≤ {GOALS['cpu_us_per_chat']}", lambda v: v <= GOALS["cpu_us_per_chat"], 0)
    parts = get(agg, "metering", "aigw", "parts_us_per_request")
    metering = None if parts is None else sum(us for p, us in parts.items() if p in METERING_PARTS)
    add("metering CPU per request (µs)", metering, f"≤ {GOALS['metering_us']}",
        lambda v: v <= GOALS["metering_us"], 0)
    rss = [get(agg, s, "aigw", "rss_mb_max") for s in agg]
    rss = [v for v in rss if v is not None]
    add("RSS under load (MB)", max(rss) if rss else None, f"≤ {GOALS['rss_mb']}",
        lambda v: v <= GOALS["rss_mb"], 0)
    return checks


def report(meta_path, points_path, md_path, json_path):
    meta = {}
    with open(meta_path, encoding="utf-8") as f:
        for raw in f:
            key, _, value = raw.rstrip("\n").partition("\t")
            meta.setdefault(key, []).append(value)
    clk_tck = int(meta.get("clk_tck", ["100"])[0] or 100)
    with open(points_path, encoding="utf-8") as f:
        points = [json.loads(raw) for raw in f if raw.strip()]
    agg = aggregate(points, clk_tck)
    included = meta.get("targets", [""])[0].split()
    targets = [t for t in TARGET_ORDER if t in included] + [t for t in included if t not in TARGET_ORDER]
    text = markdown(meta, agg, targets)
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(text)
    document = {
        "meta": {k: (v if k == "skipped" else v[0]) for k, v in meta.items()},
        "summary": agg,
        "goals": [{"name": n, "value": v, "goal": g, "met": ok} for n, v, g, ok in goal_checks(agg)]
        if "aigw" in targets else None,
        "points": points,
    }
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
    sys.stdout.write("\n" + text)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "line":
        line()
    elif len(sys.argv) == 6 and sys.argv[1] == "report":
        report(*sys.argv[2:])
    else:
        sys.exit(__doc__)
