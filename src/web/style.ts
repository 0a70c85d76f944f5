// The application's one stylesheet: sober, dense where finance staff read tables, readable on a phone.
export const APP_CSS = `
:root{--ink:#1d2733;--muted:#5b6673;--line:#d5dbe3;--soft:#f4f6f9;--brand:#8c1c13;--navy:#1f3b5a;
--err:#b3261e;--err-bg:#fdecea;--warn:#8a5a00;--warn-bg:#fff4d6;--info:#1a5690;--info-bg:#e8f1fb;--ok:#1e6b3a}
*{box-sizing:border-box}
html{font:15px/1.65 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--ink);background:#fff}
body{margin:0;min-height:100vh;display:flex;flex-direction:column}
a{color:var(--navy)}a:hover{color:var(--brand)}
.wrap{max-width:1240px;margin:0 auto;padding:0 20px;width:100%}
header.top{background:var(--navy);color:#fff;border-bottom:3px solid var(--brand)}
header.top .wrap{display:flex;align-items:center;gap:24px;min-height:56px;flex-wrap:wrap}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:17px;letter-spacing:.06em;display:flex;align-items:center;gap:10px}
.brand:hover{color:#fff}
.seal{display:inline-grid;place-items:center;width:28px;height:28px;background:var(--brand);color:#fff;border-radius:4px;font-size:15px}
nav.main{display:flex;gap:4px;flex:1;flex-wrap:wrap}
nav.main a,.account a{color:#dfe7f1;text-decoration:none;padding:6px 12px;border-radius:4px}
nav.main a:hover,.account a:hover{background:rgba(255,255,255,.1);color:#fff}
nav.main a[aria-current=page]{background:rgba(255,255,255,.16);color:#fff}
.account{display:flex;align-items:center;gap:8px;color:#dfe7f1;font-size:14px}
.inline{display:inline}
button.link{background:none;border:0;color:#dfe7f1;cursor:pointer;font:inherit;padding:6px 8px}
main.wrap{flex:1;padding-top:20px;padding-bottom:40px}
.foot{color:var(--muted);font-size:13px;border-top:1px solid var(--line);padding-top:12px;padding-bottom:20px}
h1{font-size:22px;margin:4px 0 12px}h2{font-size:18px;margin:24px 0 10px}h3{font-size:16px;margin:18px 0 8px}
.crumbs{font-size:13px;color:var(--muted);margin-bottom:4px}.crumbs a{color:var(--muted)}
.muted{color:var(--muted)}.first{margin-top:0}
select[multiple]{width:100%}label.check{display:inline-block;margin:2px 10px 2px 0;white-space:nowrap}.small{font-size:13px}
.panel{border:1px solid var(--line);border-radius:6px;padding:16px 18px;background:#fff;margin-bottom:16px}
.panel.soft{background:var(--soft)}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}.grid3{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}
.stat{display:flex;flex-direction:column}.stat b{font-size:26px;color:var(--navy);font-variant-numeric:tabular-nums}
.stat span{color:var(--muted);font-size:13px}
form.search{display:flex;gap:8px;margin:8px 0 4px}
input[type=text],input[type=search],input[type=password],input[type=number],select,textarea{font:inherit;padding:7px 10px;border:1px solid #b8c2cf;border-radius:4px;background:#fff;min-width:0}
input[type=search]{flex:1}
button,.button{font:inherit;padding:7px 16px;border-radius:4px;border:1px solid var(--navy);background:var(--navy);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:var(--navy)}
button:disabled{opacity:.5;cursor:default}
table.data{border-collapse:collapse;width:100%;font-size:14px}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
table.data th{background:var(--soft);font-weight:600;white-space:nowrap}
table.data td.n,table.data th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.badge{display:inline-block;font-size:12px;padding:0 7px;border-radius:10px;line-height:20px;white-space:nowrap}
.badge.error{background:var(--err-bg);color:var(--err)}.badge.warning{background:var(--warn-bg);color:var(--warn)}
.badge.info{background:var(--info-bg);color:var(--info)}.badge.ok{background:#e6f4ea;color:var(--ok)}
.badge.status{background:var(--soft);color:var(--muted)}
.doc-layout{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:20px;align-items:start}
.doc-layout>*{min-width:0}
.doc-side{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.doc-body h2{border-bottom:2px solid var(--navy);padding-bottom:4px}
.doc-body h3{font-size:15px}
.doc-body table{border-collapse:collapse;margin:6px 0 14px;font-size:13px;width:100%}
.doc-body td,.doc-body th{border:1px solid #c3cbd6;padding:3px 6px}
.doc-body th{background:var(--soft);font-weight:600}
.doc-body td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.doc-body p{text-indent:2em;margin:0 0 8px;text-align:justify}
.doc-body p.note{text-indent:0;color:var(--muted);font-size:13px}
.doc-body .error{background:var(--err-bg);box-shadow:inset 0 0 0 2px var(--err)}
.doc-body .warning{background:var(--warn-bg);box-shadow:inset 0 0 0 2px #d9a300}
.doc-body .info{background:var(--info-bg);box-shadow:inset 0 0 0 1px #7aa7d6}
.doc-body mark{padding:0 2px;color:inherit}.doc-body sup a{text-decoration:none;font-size:11px}
.doc-body .form{border:1px solid var(--line);padding:6px 12px;margin:10px 0;border-radius:4px}
.doc-body .focus{animation:pulse 1.6s ease-out 1;box-shadow:inset 0 0 0 3px var(--brand)!important;outline:3px solid var(--brand);outline-offset:1px}
@keyframes pulse{0%{outline-color:rgba(140,28,19,1)}100%{outline-color:rgba(140,28,19,.45)}}
ol.findings{list-style:none;margin:0;padding:0}
ol.findings li{border-bottom:1px solid var(--line);padding:8px 4px;font-size:14px}
ol.findings li a.goto{color:inherit;text-decoration:none;display:block}
ol.findings li a.goto:hover .msg{text-decoration:underline}
ol.findings li.active{background:#fbf3f2}
ol.findings .where{color:var(--muted);font-size:12px}
.sev-tabs{display:flex;gap:6px;margin:6px 0 10px;flex-wrap:wrap}
.downloads{display:flex;gap:6px;flex-wrap:wrap}
.downloads a{font-size:13px;padding:3px 10px;border:1px solid var(--line);border-radius:4px;text-decoration:none;background:#fff}
.notes li{font-size:13px;color:var(--muted)}
.chart svg{max-width:100%;height:auto}
.dropzone{border:2px dashed #9fb0c5;border-radius:8px;padding:28px;text-align:center;background:var(--soft)}
.dropzone.over{border-color:var(--brand);background:#fbf3f2}
progress{width:100%;height:10px}
.results .file{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:10px 0}
.message{max-width:640px}
.form-grid{display:grid;grid-template-columns:140px 1fr;gap:10px 12px;align-items:center;max-width:520px}
.comments{margin:6px 0 0 0;padding:0;list-style:none;font-size:13px}
.comments li{background:var(--soft);border-radius:4px;padding:4px 8px;margin:4px 0}
.review{display:flex;gap:6px;margin-top:6px;flex-wrap:wrap}
.review textarea{width:100%;min-height:48px}
.flash{padding:8px 12px;border-radius:4px;margin-bottom:12px}
.flash.error{background:var(--err-bg);color:var(--err)}.flash.ok{background:#e6f4ea;color:var(--ok)}
.prepare input.leaf{width:120px;text-align:right;font-variant-numeric:tabular-nums;padding:2px 6px}
.prepare td.derived{background:var(--soft);font-weight:600}
@media (max-width:900px){.doc-layout{grid-template-columns:minmax(0,1fr)}
.doc-body table{display:block;overflow-x:auto;max-width:100%}.doc-side{position:static;max-height:none}
.grid2,.grid3{grid-template-columns:1fr}.wrap{padding:0 12px}h1{font-size:19px}
header.top .wrap{gap:8px;padding-top:6px;padding-bottom:6px}nav.main a{padding:4px 8px}
.form-grid{grid-template-columns:1fr}}
`;
