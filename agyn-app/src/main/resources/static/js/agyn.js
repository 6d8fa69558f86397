// Agyn's only script: draws the ECharts charts whose options the server rendered into data-option (each with a
// toolbox to save it as PNG or SVG and its data as CSV), copies a page's address for the "copy link" button, and
// sends the CSRF token with htmx requests. Kept inline-free for the Content-Security-Policy.
(function () {
  'use strict';

  function csrf(event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  }

  var charts = [];

  // The page's words for the toolbox and the copy button, given by the frame (frame.html) as data-t-* on the
  // <template id="agyn-words"> in the head, so that they come from the same message bundles as the rest of the page.
  function t(key) {
    var words = document.getElementById('agyn-words');
    return (words && words.dataset['t' + key]) || '';
  }

  function fmtNumber(v) {
    return typeof v === 'number' ? v.toLocaleString(document.documentElement.lang || 'kk') : v;
  }

  function saveBlob(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // A file name from the chart's element: agyn-chart-rnd, agyn-tornado-chart...
  function fileName(el) {
    var id = el.id || (el.closest('[id]') || {}).id || 'chart';
    return 'agyn-' + id.replace(/[^A-Za-z0-9_-]/g, '');
  }

  function value(item) {
    if (item === null || item === undefined) { return null; }
    if (typeof item === 'object' && !Array.isArray(item)) { return value(item.value); }
    return item;
  }

  function csvCell(v) {
    if (v === null || v === undefined) { return ''; }
    var text = String(v);
    return /[",\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // The chart's data as a table, from the option the server sent: one column per series over the categories of a
  // category axis; one line per point for a chart of [x, y] points (survival curves); region and value for a map.
  function table(source) {
    var series = source.series || [];
    var rows = [];
    var map = series.filter(function (s) { return s.type === 'map'; })[0];
    if (map) {
      var names = source.regionNames || {};
      rows.push([t('Region'), (map.agynUnit ? t('Value') + ', ' + map.agynUnit : t('Value'))]);
      map.data.forEach(function (d) { rows.push([names[d.name] || d.name, value(d)]); });
      return rows;
    }
    var axis = [source.xAxis, source.yAxis].filter(function (a) { return a && a.type === 'category'; })[0];
    var heat = series.filter(function (s) { return s.type === 'heatmap'; })[0];
    if (heat && source.xAxis && source.yAxis) {
      rows.push([source.yAxis.name || t('Category'), source.xAxis.name || t('Category'), t('Value')]);
      heat.data.forEach(function (d) {
        rows.push([(source.yAxis.data || [])[d[1]], (source.xAxis.data || [])[d[0]], d[2]]);
      });
      return rows;
    }
    if (axis) {
      var header = [axis.name || t('Category')];
      var columns = [];
      series.forEach(function (s, i) {
        var name = s.name || (series.length === 1 ? t('Value') : String(i + 1));
        if (s.type === 'custom') {
          // Error bars: [category index, low, high].
          var low = [], high = [];
          (s.data || []).forEach(function (d) { low[d[0]] = d[1]; high[d[0]] = d[2]; });
          header.push(name + ' (min)', name + ' (max)');
          columns.push(low, high);
        } else {
          header.push(name);
          // A stacked band's own values (its upper bounds), not the widths it is drawn from.
          columns.push((s.agynCsv || s.data || []).map(value));
        }
      });
      rows.push(header);
      (axis.data || []).forEach(function (c, i) {
        rows.push([value(c)].concat(columns.map(function (col) { return col[i]; })));
      });
      return rows;
    }
    rows.push([t('Series'), (source.xAxis && source.xAxis.name) || 'x', (source.yAxis && source.yAxis.name) || 'y']);
    series.forEach(function (s) {
      (s.data || []).forEach(function (d) { rows.push([s.name || '', d[0], d[1]]); });
    });
    return rows;
  }

  function saveCsv(el, source) {
    var text = table(source).map(function (r) { return r.map(csvCell).join(','); }).join('\r\n');
    // The byte-order mark lets spreadsheet programs read the Kazakh and Russian names as UTF-8.
    saveBlob(new Blob(['\ufeff' + text + '\r\n'], {type: 'text/csv;charset=utf-8'}), fileName(el) + '.csv');
  }

  // The page draws on a canvas (fast, and what the tests read); an SVG is drawn on demand off screen from the
  // same option and saved.
  function saveSvg(el, chart) {
    var box = document.createElement('div');
    var w = el.clientWidth || 600, h = el.clientHeight || 320;
    box.style.cssText = 'position:absolute;left:-10000px;top:0;width:' + w + 'px;height:' + h + 'px';
    document.body.appendChild(box);
    var svg = echarts.init(box, null, {renderer: 'svg', width: w, height: h});
    var option = chart.getOption();
    option.animation = false;
    option.toolbox = [{show: false}];
    svg.setOption(option);
    var text = svg.renderToSVGString();
    svg.dispose();
    box.remove();
    saveBlob(new Blob([text], {type: 'image/svg+xml'}), fileName(el) + '.svg');
  }

  var ICON_SVG = 'path://M4 2h10l6 6v14H4z M14 2v6h6 M7 17l2-6 2 6 M13 11l2 6 2-6';
  var ICON_CSV = 'path://M3 4h18v16H3z M3 9h18 M3 14h18 M9 4v16 M15 4v16';

  function toolbox(el, source, holder) {
    return {
      show: true, right: 4, top: 0, itemSize: 14, itemGap: 10,
      feature: {
        saveAsImage: {title: t('Png'), type: 'png', name: fileName(el), pixelRatio: 2, backgroundColor: '#fff'},
        mySvg: {show: true, title: t('Svg'), icon: ICON_SVG, onclick: function () { saveSvg(el, holder.chart); }},
        myCsv: {show: true, title: t('Csv'), icon: ICON_CSV, onclick: function () { saveCsv(el, source); }}
      }
    };
  }

  // A plain legend wraps onto as many lines as its names need: the chart grows by those lines and the plot keeps
  // its height, so no name is hidden behind a page number. A legend at the top leaves the toolbox its corner
  // (ECharts wraps a legend at its width, not between left and right). Each item is measured as ECharts draws
  // it: a 25 px symbol, 5 px, the name in 12 px type, 10 px to the next.
  function fitLegend(el, option) {
    var legend = option.legend;
    if (!legend || legend.type === 'scroll') { return; }
    var names = legend.data || (option.series || []).map(function (s) { return s.name; }).filter(Boolean);
    var top = legend.bottom === undefined;
    legend.left = 10;
    legend.width = Math.max(120, (el.clientWidth || 600) - 10 - (top ? 100 : 10) - 10);
    var ctx = document.createElement('canvas').getContext('2d');
    ctx.font = '12px sans-serif';
    var rows = 1, x = 0;
    names.forEach(function (n) {
      var w = ctx.measureText(String(n)).width + 25 + 5;
      if (x > 0 && x + w > legend.width) { rows++; x = 0; }
      x += w + 10;
    });
    var extra = rows > 1 ? (rows - 1) * 24 + 8 : 0;
    if (extra > 0) {
      if (option.grid) {
        if (top) { option.grid.top = (option.grid.top || 60) + extra; } else { option.grid.bottom = (option.grid.bottom || 60) + extra; }
      }
      el.style.height = (el.clientHeight + extra) + 'px';
    }
  }

  // Numbers on charts are written as the page's language writes them (31 287 in kk/ru, 31,287 in en).
  function localize(option) {
    var lang = document.documentElement.lang || 'kk';
    var fmt = function (v) { return typeof v === 'number' ? v.toLocaleString(lang) : v; };
    (option.series || []).forEach(function (s) {
      if (s.type === 'bar' && s.label) {
        s.label.formatter = function (p) { return fmt(p.value); };
      }
    });
    ['xAxis', 'yAxis'].forEach(function (axis) {
      if (option[axis] && option[axis].type === 'value') {
        option[axis].axisLabel = {formatter: fmt};
      }
    });
    if (option.tooltip && option.tooltip.trigger === 'axis') {
      option.tooltip.valueFormatter = fmt;
    }
    return option;
  }

  // Error bars for confidence intervals: a custom series whose data are [category index, low, high].
  function errorBars(params, api) {
    var x = api.value(0);
    var low = api.coord([x, api.value(1)]);
    var high = api.coord([x, api.value(2)]);
    var w = api.size([1, 0])[0] * 0.12;
    var style = {stroke: '#222', lineWidth: 1.5};
    return {type: 'group', children: [
      {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: style},
      {type: 'line', shape: {x1: low[0] - w, y1: low[1], x2: low[0] + w, y2: low[1]}, style: style},
      {type: 'line', shape: {x1: high[0] - w, y1: high[1], x2: high[0] + w, y2: high[1]}, style: style}
    ]};
  }

  // A band's name written inside it at the left (MarkArea.namedAt) wraps within the first category's column, so that
  // on a narrow screen it does not run under the next bar.
  function fitBandNames(el, option) {
    var axis = option.xAxis;
    if (!axis || axis.type !== 'category' || !axis.data || !option.grid) { return; }
    var column = ((el.clientWidth || 600) - option.grid.left - option.grid.right) / axis.data.length;
    (option.series || []).forEach(function (s) {
      if (s.markArea && s.markArea.label) {
        s.markArea.label.width = Math.max(40, column - 10);
        s.markArea.label.overflow = 'break';
      }
    });
  }

  // A fan chart's tooltip names the central lines only: the bands' edges and widths (agynBand) are not figures
  // a reader should see as such; each line's 95% band is given beside it when the chart carries it (agynRange).
  function fanTooltip(option) {
    var bands = (option.series || []).map(function (s) { return !!s.agynBand; });
    if (!bands.some(Boolean) || !option.tooltip) { return; }
    option.tooltip.formatter = function (params) {
      var rows = [escapeHtml(params[0].axisValueLabel)];
      params.forEach(function (p) {
        if (bands[p.seriesIndex] || p.value === null || p.value === undefined) { return; }
        var s = option.series[p.seriesIndex];
        var range = s.agynRange && s.agynRange[p.dataIndex];
        rows.push(p.marker + escapeHtml(p.seriesName) + ': <b>' + escapeHtml(fmtNumber(p.value)) + '</b>'
            + (range ? ' (' + escapeHtml(fmtNumber(range[0])) + ' – ' + escapeHtml(fmtNumber(range[1])) + ')' : ''));
      });
      return rows.join('<br>');
    };
  }

  function draw(el, option) {
    localize(option);
    fitBandNames(el, option);
    fanTooltip(option);
    (option.series || []).forEach(function (s) {
      if (s.type === 'custom' && s.agynErrorBars) {
        s.renderItem = errorBars;
        s.encode = {x: 0, y: [1, 2]};
        delete s.agynErrorBars;
      }
    });
    var source = JSON.parse(el.dataset.option);
    var holder = {};
    option.toolbox = toolbox(el, source, holder);
    fitLegend(el, option);
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    holder.chart = chart;
    chart.setOption(option);
    el.dataset.rendered = 'true';
    charts.push(chart);
  }

  function drawMap(el, option) {
    fetch(el.dataset.geo, {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        var names = option.regionNames || {};
        delete option.regionNames;
        var unit = option.series[0].agynUnit || '';
        delete option.series[0].agynUnit;
        echarts.registerMap('kz', geo);
        // The region, its value in the page's way of writing numbers and the unit; a region without a value says so.
        option.tooltip = {
          trigger: 'item',
          formatter: function (p) {
            var name = names[p.name] || p.name;
            var has = p.data && p.data.value !== null && p.data.value !== undefined;
            var v = has ? fmtNumber(p.data.value) + (unit ? ' ' + unit : '') : t('NoData');
            return escapeHtml(name) + '<br>' + (p.data && p.data.label ? escapeHtml(p.data.label) + ': ' : '')
                + '<b>' + escapeHtml(v) + '</b>';
          }
        };
        option.series[0].label = {show: false, formatter: function (p) { return names[p.name] || p.name; }};
        draw(el, option);
      })
      .catch(function () { el.textContent = '—'; });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  // The "copy link" button: the address as it is now (htmx writes the chosen view into it), with a word that it
  // was copied; where the clipboard is refused, the address is shown selected for copying by hand.
  function copyLink(e) {
    var button = e.target.closest('[data-copy-link]');
    if (!button) { return; }
    var url = window.location.href;
    var status = button.parentNode.querySelector('.copy-link-status');
    var done = function (ok) {
      if (status) {
        status.textContent = ok ? t('Copied') : url;
        status.hidden = false;
      }
      button.dataset.copied = ok ? 'true' : 'false';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function init(root) {
    (root || document).querySelectorAll('[data-option]').forEach(function (el) {
      if (el.dataset.rendered) { return; }
      var option = JSON.parse(el.dataset.option);
      if (el.dataset.geo) { drawMap(el, option); } else { draw(el, option); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.body.addEventListener('htmx:configRequest', csrf);
    document.body.addEventListener('click', copyLink);
    document.body.addEventListener('htmx:afterSwap', function (e) { init(e.target); });
    // A form marked data-swap-errors answers a mistake with 400 or 409 and the section re-drawn with the message
    // in it; htmx leaves error answers out by default, which would leave the officer with no word at all.
    // The event is fired on the swap's target, so detail.elt is the target, not the form: the form that sent the
    // request is requestConfig.elt.
    document.body.addEventListener('htmx:beforeSwap', function (e) {
      var status = e.detail.xhr.status;
      var source = (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt;
      if ((status === 400 || status === 409) && source && source.closest('[data-swap-errors]')) {
        e.detail.shouldSwap = true;
        e.detail.isError = false;
      }
    });
    if (window.echarts) { init(document); }
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();

// The main menu on a narrow screen: a button opens and closes it. Without this script the button stays hidden
// and the links show as they are (see .nav-toggle in agyn.css).
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.nav-toggle');
    var nav = document.getElementById('main-nav');
    if (!button || !nav) { return; }
    document.documentElement.classList.add('js-nav');
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        button.setAttribute('aria-expanded', 'false');
        nav.classList.remove('open');
        button.focus();
      }
    });
  });
})();

// The public survey form (survey-form.html): one section at a time with its progress, the questionnaire's skip
// rules (data-show-if*, as FormService applies them on the server), and required answers checked before a
// section is left or the form sent, each message next to its question. Without this script the page shows every
// section and the server checks it all.
(function () {
  'use strict';

  function chosenCodes(fieldset) {
    var codes = [];
    fieldset.querySelectorAll('input:checked, option:checked').forEach(function (el) {
      if (el.dataset.code) { codes.push(el.dataset.code); }
    });
    return codes;
  }

  function answered(fieldset) {
    var filled = false;
    fieldset.querySelectorAll('input, select, textarea').forEach(function (el) {
      if (el.type === 'radio' || el.type === 'checkbox') { filled = filled || el.checked; }
      else { filled = filled || el.value.trim() !== ''; }
    });
    return filled;
  }

  function setError(fieldset, message) {
    var error = fieldset.querySelector('.field-error');
    if (error) { error.textContent = message || ''; }
    fieldset.classList.toggle('has-error', !!message);
  }

  function init(form) {
    var sections = Array.prototype.slice.call(form.querySelectorAll('.form-section'));
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-question]'));
    var byCode = {};
    fieldsets.forEach(function (f) { byCode[f.dataset.question] = f; });
    var submit = form.querySelector('button[type=submit]');
    var message = form.dataset.requiredMessage;
    var current = 0;
    form.noValidate = true;

    // In question order, so that a question hidden by its rule hides, in turn, those that depend on it.
    function applyRules() {
      fieldsets.forEach(function (f) {
        var rule = f.dataset.showIf;
        if (!rule) { return; }
        var source = byCode[rule];
        var chosen = source && !source.hidden ? chosenCodes(source) : [];
        var options = (f.dataset.showIfOptions || '').split(' ');
        var any = chosen.some(function (c) { return options.indexOf(c) >= 0; });
        var shown = f.dataset.showIfMode === 'ANY_OF' ? any : !any;
        f.hidden = !shown;
        // A skipped question sends nothing (disabled fields are not submitted); the server drops it anyway.
        f.querySelectorAll('input, select, textarea').forEach(function (el) { el.disabled = !shown; });
        if (!shown) { setError(f, ''); }
      });
      sections.forEach(function (s) {
        s.dataset.empty = s.querySelector('fieldset[data-question]:not([hidden])') ? 'false' : 'true';
      });
    }

    function check(section) {
      var first = null;
      section.querySelectorAll('fieldset[data-question]').forEach(function (f) {
        if (f.hidden) { return; }
        var missing = f.dataset.required === 'true' && !answered(f);
        var error = f.querySelector('.field-error');
        if (missing) { setError(f, message); }
        else if (error && error.textContent === message) { setError(f, ''); }
        if (missing && !first) { first = f; }
      });
      if (first) {
        var control = first.querySelector('input, select, textarea');
        if (control) { control.focus(); }
        first.scrollIntoView({block: 'center'});
      }
      return !first;
    }

    function show(index) {
      current = index;
      sections.forEach(function (s, i) { s.hidden = i !== index; });
      var last = sections.length - 1;
      while (last > 0 && sections[last].dataset.empty === 'true') { last--; }
      if (submit) { submit.hidden = index < last; }
      var next = sections[index].querySelector('[data-next]');
      if (next) { next.hidden = index >= last; }
    }

    function step(from, direction) {
      var i = from + direction;
      while (i > 0 && i < sections.length - 1 && sections[i].dataset.empty === 'true') { i += direction; }
      return Math.max(0, Math.min(sections.length - 1, i));
    }

    applyRules();
    form.addEventListener('change', function (e) {
      applyRules();
      var f = e.target.closest('fieldset[data-question]');
      if (f && answered(f)) { setError(f, ''); }
      if (sections.length > 1) { show(current); }
    });
    form.addEventListener('submit', function (e) {
      var ok = true;
      var firstBad = -1;
      sections.forEach(function (s, i) {
        if (!check(s) && firstBad < 0) { firstBad = i; ok = false; }
      });
      if (!ok) {
        e.preventDefault();
        if (sections.length > 1) { show(firstBad); check(sections[firstBad]); }
      }
    });
    if (sections.length < 2) { return; }
    form.classList.add('paged');
    sections.forEach(function (s, i) {
      var pager = s.querySelector('.pager');
      if (pager) { pager.hidden = false; }
      var next = s.querySelector('[data-next]');
      var back = s.querySelector('[data-back]');
      if (next) {
        next.addEventListener('click', function () {
          if (check(s)) { show(step(i, 1)); s.parentNode.scrollIntoView(); focusHead(); }
        });
      }
      if (back) {
        back.addEventListener('click', function () { show(step(i, -1)); focusHead(); });
      }
    });
    function focusHead() {
      var head = sections[current].querySelector('h2');
      if (head) { head.tabIndex = -1; head.focus(); }
    }
    // After the server found a mistake, open the first section that has one.
    var start = 0;
    sections.some(function (s, i) {
      if (s.querySelector('.field-error:not(:empty)')) { start = i; return true; }
      return false;
    });
    show(start);
    // The summary at the top links to each question; one in another section opens that section first.
    document.querySelectorAll('#form-errors a[href^="#q-"]').forEach(function (a) {
      a.addEventListener('click', function () {
        var target = document.getElementById(a.getAttribute('href').slice(1));
        var i = target ? sections.indexOf(target.closest('.form-section')) : -1;
        if (i >= 0) { show(i); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('public-form');
    if (form) { init(form); }
  });
})();
