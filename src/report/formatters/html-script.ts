/**
 * The report page's only script: the findings explorer and the file list, paged, sorted and filtered in
 * the page from the JSON block `#caregate-data`. Plain DOM (textContent, never innerHTML), no network; the
 * page's CSP admits exactly this text by its SHA-256.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('caregate-data').textContent);
  var SEV = ['critical', 'high', 'medium', 'low'];
  var rank = function (s) { var i = SEV.indexOf(s); return i < 0 ? 9 : i; };
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
  var badge = function (s) { return s ? el('span', s, 'sev sev-' + s) : el('span', '—'); };

  function pager(opts) {
    var state = { page: 0, sort: opts.sort, dir: opts.dir };
    function rows() {
      var list = data[opts.key].filter(opts.filter);
      var k = state.sort, d = state.dir;
      list.sort(function (a, b) {
        var x = k === 'severity' ? rank(a.severity) : a[k], y = k === 'severity' ? rank(b.severity) : b[k];
        if (x === undefined) x = ''; if (y === undefined) y = '';
        var c = (x < y ? -1 : x > y ? 1 : 0) * d;
        if (c) return c;
        var p = a.file || a.path, q = b.file || b.path;
        return p < q ? -1 : p > q ? 1 : (a.line || 0) - (b.line || 0);
      });
      return list;
    }
    function render() {
      var list = rows();
      var pages = Math.max(1, Math.ceil(list.length / opts.size));
      if (state.page >= pages) state.page = pages - 1;
      var from = state.page * opts.size;
      var body = opts.table.tBodies[0];
      body.textContent = '';
      list.slice(from, from + opts.size).forEach(function (r) { body.appendChild(opts.row(r)); });
      if (!list.length) { var tr = el('tr'); var td = el('td', 'nothing matches'); td.colSpan = opts.table.tHead.rows[0].cells.length; tr.appendChild(td); body.appendChild(tr); }
      opts.status.textContent = list.length ? 'rows ' + (from + 1) + '–' + Math.min(from + opts.size, list.length) + ' of ' + list.length + ' (page ' + (state.page + 1) + ' of ' + pages + ')' : '0 rows';
      opts.status.setAttribute('data-rows', String(list.length));
      opts.prev.disabled = state.page === 0;
      opts.next.disabled = state.page >= pages - 1;
      Array.prototype.forEach.call(opts.table.tHead.querySelectorAll('button[data-sort]'), function (b) {
        var on = b.getAttribute('data-sort') === state.sort;
        b.parentNode.setAttribute('aria-sort', on ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
      });
    }
    opts.prev.addEventListener('click', function () { state.page--; render(); });
    opts.next.addEventListener('click', function () { state.page++; render(); });
    opts.table.tHead.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-sort]');
      if (!b) return;
      var k = b.getAttribute('data-sort');
      state.dir = state.sort === k ? -state.dir : 1;
      state.sort = k;
      state.page = 0;
      render();
    });
    return { render: function () { state.page = 0; render(); } };
  }

  var fEntity = $('f-entity'), fSeverity = $('f-severity'), fFile = $('f-file'), fNew = $('f-new');
  var findings = pager({
    key: 'findings', size: 50, sort: 'severity', dir: 1,
    table: $('findings-table'), status: $('findings-status'), prev: $('findings-prev'), next: $('findings-next'),
    filter: function (f) {
      return (!fEntity.value || f.entity === fEntity.value) && (!fSeverity.value || f.severity === fSeverity.value) &&
        (!fFile.value || f.file.toLowerCase().indexOf(fFile.value.toLowerCase()) >= 0) && (!fNew || !fNew.checked || f.new);
    },
    row: function (f) {
      var tr = el('tr');
      tr.setAttribute('data-entity', f.entity);
      tr.setAttribute('data-severity', f.severity);
      tr.appendChild(el('td', f.file, 'mono'));
      tr.appendChild(el('td', f.line === undefined ? (f.pointer || '—') : f.line + (f.column ? ':' + f.column : ''), 'num'));
      tr.appendChild(el('td', f.entity));
      tr.appendChild(el('td', f.ruleId, 'mono'));
      var s = el('td'); s.appendChild(badge(f.severity)); if (f.new) s.appendChild(el('span', 'new', 'tag-new')); tr.appendChild(s);
      tr.appendChild(el('td', f.confidence.toFixed(2), 'num'));
      tr.appendChild(el('td', f.excerpt, 'mono excerpt'));
      return tr;
    },
  });
  [fEntity, fSeverity, fNew].forEach(function (c) { if (c) c.addEventListener('change', findings.render); });
  fFile.addEventListener('input', findings.render);

  var filesFilter = $('files-filter');
  var files = pager({
    key: 'files', size: 100, sort: 'findings', dir: -1,
    table: $('files-table'), status: $('files-status'), prev: $('files-prev'), next: $('files-next'),
    filter: function (f) { return !filesFilter.value || f.path.toLowerCase().indexOf(filesFilter.value.toLowerCase()) >= 0; },
    row: function (f) {
      var tr = el('tr');
      var name = el('td', null, 'mono');
      var b = el('button', f.path, 'link');
      b.type = 'button';
      b.addEventListener('click', function () { fFile.value = f.path; findings.render(); $('findings').scrollIntoView(); });
      name.appendChild(b);
      tr.appendChild(name);
      tr.appendChild(el('td', f.format || '—'));
      tr.appendChild(el('td', f.bytes, 'num'));
      var n = el('td', f.findings, 'num'); n.setAttribute('data-count', 'file:' + f.path); tr.appendChild(n);
      var s = el('td'); s.appendChild(badge(f.severity)); tr.appendChild(s);
      tr.appendChild(el('td', f.ok ? 'ok' : 'failed', f.ok ? '' : 'failed'));
      return tr;
    },
  });
  filesFilter.addEventListener('input', files.render);

  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-filter-entity],[data-filter-severity]');
    if (!b) return;
    if (b.hasAttribute('data-filter-entity')) { fEntity.value = b.getAttribute('data-filter-entity'); fSeverity.value = ''; }
    else { fSeverity.value = b.getAttribute('data-filter-severity'); fEntity.value = ''; }
    fFile.value = '';
    findings.render();
    $('findings').scrollIntoView();
  });
  document.documentElement.classList.add('js');
  findings.render();
  files.render();
})();`;
