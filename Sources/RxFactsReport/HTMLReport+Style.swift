extension HTMLReport {
    /// The page's only stylesheet, inline. Fact types have a colour each; negated facts are
    /// struck through on a grey ground, hedged ones dashed-underlined; nested marks stack padding
    /// so an inner span stays visible inside an outer one.
    static let style = """
        :root { --ink: #1d232a; --muted: #5b6570; --line: #d9dee3; --paper: #fbfbf8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); }
        header.top { padding: 18px 28px 10px; border-bottom: 1px solid var(--line); background: #fff; }
        h1 { margin: 0 0 4px; font-size: 22px; }
        .summary, .meta, .codes, .id, .where, .hint { color: var(--muted); font-size: 13px; }
        .legend mark { font-size: 13px; }
        .index { padding: 10px 28px 20px; overflow-x: auto; }
        .index td:nth-child(2) { max-width: 320px; }
        .index td:nth-child(3) { max-width: 170px; }
        .index th.type { font-size: 11px; }
        .index h2 { font-size: 18px; margin: 8px 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
        th, td { border: 1px solid var(--line); padding: 4px 7px; vertical-align: top; text-align: left; }
        th { background: #f0f2f4; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .doc { border-top: 3px solid #3a6ea5; margin: 0; padding: 14px 28px 28px; }
        .doc-title { margin: 0; font-size: 19px; }
        .doc-title .n { display: inline-block; min-width: 1.8em; color: #fff; background: #3a6ea5; border-radius: 4px; text-align: center; margin-right: 6px; }
        .cols { display: grid; grid-template-columns: minmax(260px, 360px) 1fr; gap: 22px; align-items: start; }
        aside.facts { position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: 13px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px 10px; }
        aside h3.drug { margin: 8px 0 0; font-size: 16px; }
        aside h4 { margin: 10px 0 2px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; padding: 1px 6px; border-radius: 3px; display: inline-block; }
        ul.fact-list { list-style: none; margin: 2px 0; padding: 0; }
        li.fact { padding: 1px 0; }
        li.fact .value { font-weight: 600; }
        li.fact.neg .value { text-decoration: line-through; }
        li.fact.hedge .value { font-style: italic; }
        .badge { font-size: 11px; border-radius: 3px; padding: 0 4px; }
        .badge.neg { background: #e4e4e4; color: #7a1f1f; }
        .badge.hedge { background: #fff1c9; color: #6b5200; }
        .qual { font-size: 12px; color: #4b3a7a; }
        .rule { font-size: 11px; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .links a { font-size: 11px; margin-left: 3px; padding: 0 4px; border: 1px solid var(--line); border-radius: 8px; text-decoration: none; color: #3a6ea5; }
        .leaflet { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 0; }
        .leaflet .text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "DejaVu Serif", serif; font-size: 14.5px; line-height: 1.65; }
        h3.section, h4.section, h5.section { margin: 12px 0 2px; color: #3a6ea5; font-family: system-ui, sans-serif; }
        h3.section { font-size: 15px; border-bottom: 1px solid var(--line); }
        h4.section { font-size: 14px; }
        h5.section { font-size: 13px; }
        .note { color: #7a1f1f; }
        h3.offtext { font-size: 14px; margin: 16px 0 4px; }
        ul.offtext { font-size: 13px; padding-left: 18px; }
        mark { color: inherit; border-radius: 3px; padding: 1px 1px; background: #fff3a8; }
        mark mark { padding: 2px 1px; }
        mark mark mark { padding: 3px 1px; }
        mark:target { outline: 3px solid #e0411b; outline-offset: 1px; }
        mark.t-class { background: #cfe3ff; }
        mark.t-mechanism { background: #d9d2ff; }
        mark.t-schedule { background: #ffd0d0; }
        mark.t-indication { background: #c9f0cf; }
        mark.t-contraindication { background: #ffc9a8; }
        mark.t-combination { background: #ffb3cf; }
        mark.t-adverse-effect { background: #ffe9a6; }
        mark.t-withdrawal { background: #b8ece6; }
        mark.t-dependence { background: #e8d3b0; }
        aside h4.t-class { background: #cfe3ff; } aside h4.t-mechanism { background: #d9d2ff; }
        aside h4.t-schedule { background: #ffd0d0; } aside h4.t-indication { background: #c9f0cf; }
        aside h4.t-contraindication { background: #ffc9a8; } aside h4.t-combination { background: #ffb3cf; }
        aside h4.t-adverse-effect { background: #ffe9a6; } aside h4.t-withdrawal { background: #b8ece6; }
        aside h4.t-dependence { background: #e8d3b0; }
        mark.neg { background: repeating-linear-gradient(135deg, #e6e6e6 0 6px, #d4d4d4 6px 8px); text-decoration: line-through; text-decoration-color: #a33; }
        mark.hedge { font-style: italic; border-bottom: 2px dashed #b08a00; }
        mark.neg.hedge { border-bottom: 2px dashed #a33; }
        @media print { aside.facts { position: static; max-height: none; } }

        """
}
