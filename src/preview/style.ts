/** The preview's stylesheet, inlined in the page so it is one self-contained file. */
export const stylesheet = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2126;background:#f4f5f5}
body>header{padding:12px 20px;background:#181b1f;color:#fff}
body>header h1{margin:0 0 4px;font-size:18px}
body>header p{margin:0;color:#b8bcc2}
nav{padding:8px 20px;background:#fff;border-bottom:1px solid #dcdee0}
nav a{margin-right:14px;color:#1f60c4;text-decoration:none;white-space:nowrap}
main{padding:0 20px 40px}
.dashboard{margin-top:24px}
.dashboard>h2{margin:0;font-size:17px}
.meta{margin:2px 0 8px;color:#5a6069}
.meta code{background:#e8e9ea;padding:0 4px;border-radius:3px}
.grid{display:grid;grid-template-columns:repeat(24,minmax(0,1fr));grid-auto-rows:30px;gap:6px}
.row{display:flex;align-items:end;border-bottom:1px solid #c7cacd}
.row h3{margin:0;font-size:14px}
.panel{display:flex;flex-direction:column;min-width:0;background:#fff;border:1px solid #dcdee0;border-radius:4px;overflow:hidden}
.panel header{display:flex;gap:6px;align-items:center;padding:4px 8px;border-bottom:1px solid #eceded}
.panel h4{flex:1;margin:0;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.type,.unit{font-size:11px;padding:0 5px;border-radius:8px;background:#e8eefa;color:#1f60c4}
.unit{background:#eef6ec;color:#2f7d32}
.body{flex:1;min-height:0;overflow:auto;padding:6px 8px}
.desc{margin:0 0 6px;color:#5a6069}
.q{margin-bottom:6px}
.q .ref,.q .lf{display:block;font-size:11px;color:#5a6069}
.q code{display:block;white-space:pre-wrap;word-break:break-word;font:11px/1.3 ui-monospace,Menlo,Consolas,monospace;background:#f7f7f8;padding:3px 5px;border-radius:3px}
details summary{cursor:pointer;color:#5a6069;font-size:11px}
.chart{position:relative;height:calc(100% - 34px);min-height:60px;padding:12px 0 14px 0}
.chart svg{width:100%;height:100%;display:block;border-left:1px solid #c7cacd;border-bottom:1px solid #c7cacd}
.chart polyline{vector-effect:non-scaling-stroke}
.chart span{position:absolute;font-size:10px;color:#5a6069}
.ymax{top:0;left:2px}.ymin{bottom:14px;left:2px}.xmin{bottom:0;left:0}.xmax{bottom:0;right:0}
.legend{list-style:none;margin:2px 0 0;padding:0;font-size:11px}
.legend li{display:inline-block;margin-right:10px}
.legend i{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}
.stat b{font-size:22px}
.nodata{color:#8a8f96;font-style:italic}
.problem{color:#b3261e;font-size:11px}
footer{padding:12px 20px;color:#5a6069}
`;
