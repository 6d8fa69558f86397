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
