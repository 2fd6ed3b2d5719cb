// The viewer's stylesheet: one inline <style> block, allowed by its hash in the page's CSP.

export const VIEWER_CSS = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 Arial,'Liberation Sans',Helvetica,sans-serif;color:#1f2933;background:#f5f7fa}
header.top{padding:12px 20px;background:#1f2933;color:#fff;display:flex;gap:16px;align-items:baseline}
header.top h1{font-size:17px;margin:0}
header.top p{margin:0;color:#cbd2d9}
.layout{display:flex;align-items:flex-start}
#sidebar{width:290px;flex:none;position:sticky;top:0;max-height:100vh;overflow:auto;padding:12px 14px;background:#fff;border-right:1px solid #d9e2ec}
#sidebar h2{font-size:11px;letter-spacing:.06em;text-transform:uppercase;color:#52606d;margin:14px 0 6px}
#sidebar select{width:100%;padding:4px;font:inherit}
.toggles label{display:flex;align-items:center;gap:6px;padding:2px 0;cursor:pointer}
.toggles .count{margin-left:auto;color:#9aa5b1;font-size:11px}
.hint{color:#7b8794;font-size:11.5px;margin:0 0 6px}
details.instances{margin:4px 0}
details.instances summary{cursor:pointer;font-weight:bold}
details.instances input.filter{width:100%;box-sizing:border-box;margin:6px 0 0;font:inherit;font-size:12px}
.instance-group h3{font-size:11px;margin:6px 0 2px;color:#52606d}
.instance-group label{display:flex;gap:6px;font-size:12px;padding:1px 0;word-break:break-all}
.details h3{margin:4px 0;font-size:14px;word-break:break-word}
.details .meta{margin:2px 0;color:#52606d;font-size:12px;word-break:break-all}
.details .status{font-weight:bold;margin:6px 0}
.details .status.reached{color:#c8102e}
.details ol.path{padding-left:22px;margin:6px 0}
.details ol.path li{margin:2px 0}
.details ol.path li.failed{color:#c8102e}
.details .fails{font-weight:bold}
#panels{flex:1;display:grid;gap:16px;padding:16px;min-width:0}
#panels.two{grid-template-columns:1fr 1fr}
.panel{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:12px 14px;min-width:0}
.panel h2{margin:0;font-size:16px}
.panel .description{margin:4px 0;color:#7b8794;font-size:12px;font-style:italic}
.panel .headline{font-size:17px;font-weight:bold;margin:8px 0 2px}
.panel .note{margin:0 0 8px;color:#52606d}
.orgs{display:flex;flex-wrap:wrap;gap:8px 18px;margin:6px 0 10px}
.org{display:flex;align-items:center;gap:6px}
.org .count{font-weight:bold;font-size:15px}
.org.exposed .count{color:#c8102e}
.org .unit{color:#7b8794}
.diagram{cursor:zoom-in;outline:none;border:1px solid transparent;border-radius:4px;overflow:hidden}
.diagram:focus-visible{border-color:#3e7bfa}
.diagram.zoomed{cursor:grab}
.diagram.dragging{cursor:grabbing;user-select:none}
.diagram svg{width:100%;height:auto;display:block}
.zoombar{display:flex;align-items:center;gap:4px;margin:0 0 4px;font-size:12px}
.zoombar button{font:inherit;min-width:28px;padding:1px 6px;border:1px solid #cbd2d9;border-radius:4px;background:#fff;cursor:pointer}
.zoombar button:hover{background:#f0f4f8}
.zoombar .zoom-level{min-width:44px;text-align:center;color:#52606d}
.zoombar .hint{margin:0 0 0 8px}
table.data{width:100%;border-collapse:collapse;margin-top:10px;font-size:12px}
table.data th{text-align:left;color:#52606d;font-weight:normal;border-bottom:1px solid #d9e2ec;padding:3px 4px}
table.data td{border-bottom:1px solid #eef2f6;padding:3px 4px;word-break:break-word}
table.data tr.reached td.status{color:#c8102e;font-weight:bold}
table.data tr:hover{background:#f0f4f8}
td.cls.restricted{color:#7f1d1d;font-weight:bold}
td.cls.confidential{color:#b45309}
td.depth{font-weight:bold;text-align:center}
`;
