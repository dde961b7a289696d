/**
 * The admin page (`GET /admin`): plain HTML, CSS and JS, no CDN. The script
 * reads the token from `?token=` and calls `/admin/api/*` with it as a
 * Bearer header. User text is inserted with `textContent` only.
 */
import { CHANNEL_SHORT } from '../labels.js';

/** Options of the page. */
export interface AdminPageOptions {
  departmentName?: string;
  currentYear: number;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1d2733;background:#f4f6f9}
header{background:#0b4f8a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85;font-size:14px}
main{padding:16px 24px;max-width:1400px}section{background:#fff;border-radius:8px;padding:14px 18px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
h2{font-size:17px;margin:0 0 10px}form{display:flex;flex-wrap:wrap;gap:10px;align-items:end}
label{font-size:13px;display:flex;flex-direction:column;gap:3px}select,input{padding:5px 6px;font-size:14px}select{max-width:300px}
button,.btn{background:#0b4f8a;color:#fff;border:0;border-radius:5px;padding:7px 14px;font-size:14px;cursor:pointer;text-decoration:none;display:inline-block}
.btn.secondary{background:#fff;color:#0b4f8a;border:1px solid #0b4f8a}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e3e7ec;padding:6px;text-align:left;vertical-align:top}
th{background:#eef2f7}td.num{text-align:right}#stats{font-size:14px;margin:6px 0 0}
.legend span{display:inline-block;margin-right:16px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:middle}
#unanswered li{margin-bottom:8px}.tag{font-size:11px;border-radius:3px;padding:1px 5px;margin-right:6px;color:#fff}
.tag.abstained{background:#a15c00}.tag.downvoted{background:#a3262a}.muted{color:#667}
`;

const SCRIPT = `
(function(){
var CH = JSON.parse(document.getElementById('channel-labels').textContent);
var token = new URLSearchParams(location.search).get('token') || '';
var form = document.getElementById('filters');
function el(tag, attrs, text){var e=document.createElement(tag);for(var k in attrs||{})e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=String(text);return e;}
function svg(tag, attrs, text){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs||{})e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=String(text);return e;}
function params(){var p=new URLSearchParams();new FormData(form).forEach(function(v,k){if(v)p.set(k,v);});return p;}
function api(path){return fetch(path,{headers:{Authorization:'Bearer '+token}}).then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.json();});}
function fmtDate(d){if(!d)return '';var p=d.split('-');return p[2]+'/'+p[1]+'/'+p[0];}
function fillSelect(sel, items, keep){var cur=sel.value;while(sel.options.length>1)sel.remove(1);items.forEach(function(it){var o=el('option',{value:it[0]},it[1]);sel.appendChild(o);});if(keep)sel.value=cur;}
function renderTable(rows){
  var tb=document.querySelector('#reports-table tbody');tb.textContent='';
  rows.forEach(function(r){var tr=el('tr',{'data-id':r.id});
    [['#'+r.id],[fmtDate(r.date)],[r.unit||''],[r.indicator||''],[r.area||''],[CH[r.channel]||r.channel||''],[r.count==null?'':r.count,'num'],[r.description]].forEach(function(c){var td=el('td',c[1]?{'class':c[1]}:{},c[0]);tr.appendChild(td);});
    var td=el('td');if(r.link&&/^https?:\\/\\//.test(r.link)){var a=el('a',{href:r.link,target:'_blank',rel:'noopener noreferrer'},'mở');td.appendChild(a);}tr.appendChild(td);
    tb.appendChild(tr);});
  document.getElementById('row-count').textContent=rows.length+' báo cáo';
}
function renderChart(s){
  var box=document.getElementById('chart');box.textContent='';
  var rowH=22,labelW=300,cellW=44,top=26,totalW=150,w=labelW+12*cellW+totalW+20,h=top+s.areas.length*rowH+10;
  var root=svg('svg',{id:'coverage-chart',width:w,height:h,viewBox:'0 0 '+w+' '+h,role:'img','aria-label':'Số hoạt động theo nội dung và tháng'});
  var max=1;s.areas.forEach(function(a){a.months.forEach(function(n){if(n>max)max=n;});});
  var maxTotal=1;s.areas.forEach(function(a){if(a.activities>maxTotal)maxTotal=a.activities;});
  for(var m=0;m<12;m++)root.appendChild(svg('text',{x:labelW+m*cellW+cellW/2,y:16,'text-anchor':'middle','font-size':12,fill:'#334'},'T'+(m+1)));
  root.appendChild(svg('text',{x:labelW+12*cellW+8,y:16,'font-size':12,fill:'#334'},'Cả năm'));
  s.areas.forEach(function(a,i){
    var y=top+i*rowH,covered=a.activities>0;
    var g=svg('g',{'class':'area-row','data-code':a.code,'data-covered':covered?'true':'false','data-activities':a.activities});
    var label=svg('text',{x:labelW-8,y:y+15,'text-anchor':'end','font-size':12,fill:covered?'#14532d':'#a3262a','font-weight':covered?'normal':'bold'},a.code+' '+(a.title.length>34?a.title.slice(0,33)+'…':a.title));
    label.appendChild(svg('title',{},a.code+' – '+a.title));g.appendChild(label);
    a.months.forEach(function(n,m){
      var alpha=n===0?0:0.25+0.75*n/max;
      var r=svg('rect',{x:labelW+m*cellW+1,y:y+1,width:cellW-2,height:rowH-2,rx:3,fill:n===0?(covered?'#eef2f7':'#fbeaea'):'rgba(11,79,138,'+alpha.toFixed(2)+')','data-month':m+1,'data-count':n});
      r.appendChild(svg('title',{},a.code+', tháng '+(m+1)+': '+n+' hoạt động'));g.appendChild(r);
      if(n>0)g.appendChild(svg('text',{x:labelW+m*cellW+cellW/2,y:y+15,'text-anchor':'middle','font-size':11,fill:alpha>0.6?'#fff':'#0b2d4d'},n));
    });
    var bw=a.activities===0?0:Math.max(3,(totalW-40)*a.activities/maxTotal);
    g.appendChild(svg('rect',{'class':'total-bar',x:labelW+12*cellW+8,y:y+4,width:bw,height:rowH-8,fill:'#2f855a'}));
    g.appendChild(svg('text',{x:labelW+12*cellW+12+bw,y:y+15,'font-size':11,fill:covered?'#14532d':'#a3262a'},covered?a.activities:'chưa có'));
    root.appendChild(g);
  });
  box.appendChild(root);
  var covered=s.areas.length-s.uncovered.length;
  var fmt=function(xs,lab){return xs.map(function(e){return (lab?lab(e.key):e.key)+' ('+e.activities+')';}).join(', ')||'—';};
  document.getElementById('breakdown').textContent='Theo chỉ số: '+fmt(s.byIndicator)+' · Theo đơn vị: '+fmt(s.byUnit)+' · Theo kênh: '+fmt(s.byChannel,function(k){return CH[k]||k;});
  document.getElementById('stats').textContent='Năm '+s.year+': '+s.activities+' hoạt động, tổng số lượng '+s.total+'; '+covered+'/'+s.areas.length+' nội dung đã có hoạt động'+(s.uncovered.length?' (chưa có: '+s.uncovered.join(', ')+').':'.');
}
function renderUnanswered(d){
  var box=document.getElementById('unanswered');box.textContent='';
  if(!d.available){box.appendChild(el('p',{'class':'muted'},'Chưa có dữ liệu hỏi đáp (mô-đun hội thoại chưa kết nối).'));return;}
  if(d.items.length===0){box.appendChild(el('p',{'class':'muted'},'Không có câu hỏi nào cần xem lại.'));return;}
  var ul=el('ul');d.items.forEach(function(q){var li=el('li');li.appendChild(el('span',{'class':'tag '+q.reason},q.reason==='downvoted'?'bị đánh giá chưa tốt':'chưa trả lời được'));li.appendChild(el('span',{},q.question));li.appendChild(el('div',{'class':'muted'},fmtDate(q.createdAt.slice(0,10))+' · '+q.channel));ul.appendChild(li);});
  box.appendChild(ul);
}
function setExports(){var y=form.elements.year.value;['csv','xlsx','docx'].forEach(function(f){document.getElementById('export-'+f).href='/admin/export?format='+f+'&year='+encodeURIComponent(y)+'&token='+encodeURIComponent(token);});}
function load(){
  var p=params().toString();setExports();
  return Promise.all([api('/admin/api/summary?'+p),api('/admin/api/reports?'+p),api('/admin/api/unanswered')]).then(function(res){
    var s=res[0];
    fillSelect(form.elements.area,s.areas.map(function(a){return [a.code,a.code+' '+a.title];}),true);
    fillSelect(form.elements.unit,s.units.map(function(u){return [u,u];}),true);
    renderChart(s);renderTable(res[1].reports);renderUnanswered(res[2]);
    document.body.setAttribute('data-loaded','true');
  }).catch(function(e){document.getElementById('stats').textContent='Lỗi tải dữ liệu: '+e.message;});
}
form.addEventListener('submit',function(e){e.preventDefault();load();});
load();
})();
`;

/** The full HTML of the admin page. */
export function adminPageHtml(opts: AdminPageOptions): string {
  const channelOptions = Object.entries(CHANNEL_SHORT)
    .map(([k, v]) => `<option value="${k}">${escapeHtml(v)}</option>`)
    .join('');
  const dept = opts.departmentName ? escapeHtml(opts.departmentName) : 'Sở Công Thương';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Quản trị báo cáo – Kế hoạch 1523/KH-SCT</title><style>${STYLE}</style></head>
<body>
<header><h1>Báo cáo hoạt động truyền thông – Kế hoạch 1523/KH-SCT</h1><p>${dept} · tổng hợp kết quả gửi UBND tỉnh trước ngày 30/11 hằng năm</p></header>
<main>
<section><h2>Bộ lọc</h2>
<form id="filters">
<label>Năm<input name="year" type="number" min="2000" max="2999" value="${opts.currentYear}"></label>
<label>Chỉ số<select name="indicator"><option value="">Tất cả</option><option>PAR INDEX</option><option>PAPI</option><option>PCI</option></select></label>
<label>Nội dung<select name="area"><option value="">Tất cả</option></select></label>
<label>Đơn vị<select name="unit"><option value="">Tất cả</option></select></label>
<label>Kênh<select name="channel"><option value="">Tất cả</option>${channelOptions}</select></label>
<button type="submit">Lọc</button>
<span style="flex:1"></span>
<a class="btn secondary" id="export-csv" href="#">Tải CSV</a>
<a class="btn secondary" id="export-xlsx" href="#">Tải Excel</a>
<a class="btn" id="export-docx" href="#">Tải báo cáo Word</a>
</form>
<p id="stats"></p><p id="breakdown" class="muted" style="font-size:13px;margin:4px 0 0"></p>
</section>
<section><h2>Hoạt động theo nội dung và tháng</h2>
<div class="legend"><span><i style="background:#0b4f8a"></i>Có hoạt động (đậm hơn = nhiều hơn)</span><span><i style="background:#eef2f7"></i>Tháng không có hoạt động</span><span><i style="background:#fbeaea"></i>Nội dung chưa có hoạt động nào trong năm</span></div>
<div id="chart" style="overflow-x:auto"></div>
</section>
<section><h2>Danh sách báo cáo <small class="muted" id="row-count"></small></h2>
<table id="reports-table"><thead><tr><th>Mã</th><th>Ngày</th><th>Đơn vị</th><th>Chỉ số</th><th>Nội dung</th><th>Kênh</th><th>Số lượng</th><th>Mô tả</th><th>Liên kết</th></tr></thead><tbody></tbody></table>
</section>
<section><h2>Câu hỏi cần xem lại</h2><div id="unanswered"></div></section>
</main>
<script type="application/json" id="channel-labels">${JSON.stringify(CHANNEL_SHORT).replace(/</g, '\\u003c')}</script>
<script>${SCRIPT}</script>
</body></html>`;
}
