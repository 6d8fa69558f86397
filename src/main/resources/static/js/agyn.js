// Agyn's only script: draws the ECharts charts whose options the server rendered into data-option, and
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

  function draw(el, option) {
    localize(option);
    (option.series || []).forEach(function (s) {
      if (s.type === 'custom' && s.agynErrorBars) {
        s.renderItem = errorBars;
        s.encode = {x: 0, y: [1, 2]};
        delete s.agynErrorBars;
      }
    });
    var chart = echarts.init(el, null, {renderer: 'canvas'});
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
        echarts.registerMap('kz', geo);
        option.tooltip = {
          trigger: 'item',
          formatter: function (p) {
            var name = names[p.name] || p.name;
            return p.data && p.data.label ? name + '<br>' + p.data.label + ': ' + p.data.value : name;
          }
        };
        option.series[0].label = {show: false, formatter: function (p) { return names[p.name] || p.name; }};
        draw(el, option);
      })
      .catch(function () { el.textContent = '—'; });
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
    document.body.addEventListener('htmx:afterSwap', function (e) { init(e.target); });
    // A form marked data-swap-errors answers a mistake with 400 or 409 and the section re-drawn with the message
    // in it; htmx leaves error answers out by default, which would leave the officer with no word at all.
    document.body.addEventListener('htmx:beforeSwap', function (e) {
      var status = e.detail.xhr.status;
      if ((status === 400 || status === 409) && e.detail.elt && e.detail.elt.closest('[data-swap-errors]')) {
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
