// The tag panel: marks the form as changed when a value is ticked or typed, so the page can say so ("Unsaved tag
// changes") and warn before leaving it; a save (htmx swaps the panel) clears the mark.
(function () {
  'use strict';

  function changed(e) {
    var form = e.target && e.target.closest ? e.target.closest('#tag-panel') : null;
    if (!form) return;
    form.setAttribute('data-dirty', 'true');
    var note = form.querySelector('.unsaved');
    if (note) note.hidden = false;
  }

  document.addEventListener('change', changed);
  document.addEventListener('input', changed);

  window.addEventListener('beforeunload', function (e) {
    if (document.querySelector('#tag-panel[data-dirty]')) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // a plain submit (no htmx) leaves the page on purpose
  document.addEventListener('submit', function (e) {
    if (e.target && e.target.id === 'tag-panel') e.target.removeAttribute('data-dirty');
  });
})();
