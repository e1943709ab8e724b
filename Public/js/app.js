// Kompeten — progressive enhancement only; every page works without this file.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { event.preventDefault(); }
});
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
});
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('[data-print]');
  if (link) { event.preventDefault(); window.print(); }
});
// Paper cannot open a <details>: the charts' data tables are opened for printing and closed after.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details.chart-data:not([open])').forEach(function (d) {
    d.setAttribute('open', ''); d.setAttribute('data-print-opened', '1');
  });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-print-opened]').forEach(function (d) {
    d.removeAttribute('open'); d.removeAttribute('data-print-opened');
  });
});
