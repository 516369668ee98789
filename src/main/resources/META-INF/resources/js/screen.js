// Keyboard screening: i include, m maybe, e exclude (then a digit), 1-9 exclude with that reason,
// u undo, b back to the record decided before, a accept the suggested tags, ? help. Works with htmx swapping #screen in place, and falls back to plain form posts.
(function () {
  'use strict';
  var armed = false;

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
    return tag === 'INPUT' && target.type !== 'radio' && target.type !== 'checkbox';
  }

  var discard = false;

  // Whether the record may be left: unsaved tag edits stop the first key press, with a word; the second goes on.
  function mayLeave() {
    var tags = document.querySelector('#tag-panel[data-dirty]');
    if (tags && !discard) {
      discard = true;
      say('Your tag changes are not saved: save them (Save tags), or press the key again to go on without them.');
      return false;
    }
    discard = false;
    if (tags) tags.removeAttribute('data-dirty');
    return true;
  }

  function decide(value) {
    var form = document.getElementById('decide');
    if (!form || !mayLeave()) return;
    var button = form.querySelector('button[name=decision][value=' + value + ']');
    button.click(); // a click, so htmx (and the browser) send the button's decision with the form
  }

  function say(text) {
    var screen = document.getElementById('screen');
    var old = document.getElementById('key-hint');
    if (old) old.remove();
    if (!screen || !text) return;
    var p = document.createElement('div');
    p.id = 'key-hint';
    p.className = 'notice';
    p.setAttribute('role', 'status');
    p.textContent = text;
    screen.insertBefore(p, screen.children[1] || null);
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var k = e.key;
    var form = document.getElementById('decide');
    var reasons = form ? form.querySelectorAll('input[name=reason]') : [];
    if (k === '?') {
      var help = document.getElementById('help');
      if (help) help.hidden = !help.hidden;
    } else if (k === 'u') {
      var undo = document.querySelector('[data-key=u]');
      if (undo) undo.click();
    } else if (k === 'b') {
      var back = document.querySelector('[data-key=b]');
      if (!back || !mayLeave()) return;
      // htmx fetches the record decided before, in place; asked directly, so a key pressed the moment a record
      // was swapped in does not wait for htmx to take over the new link
      if (window.htmx) window.htmx.ajax('GET', back.getAttribute('hx-get'), { target: '#screen', swap: 'outerHTML' });
      else back.click();
    } else if (k === 'a') {
      var accept = document.querySelector('[data-key=a]');
      if (!accept) return;
      accept.click(); // accepts every suggestion the tags do not follow yet; the panel alone is swapped
      say('');
    } else if (!form) {
      return;
    } else if (k === 'i') {
      decide('include');
    } else if (k === 'm') {
      decide('maybe');
    } else if (k === 'e') {
      if (reasons.length === 0 || form.querySelector('input[name=reason]:checked')) {
        decide('exclude');
      } else {
        armed = true;
        say('Exclude: press the reason\'s number (1-' + reasons.length + ').');
      }
    } else if (/^[1-9]$/.test(k) && reasons.length >= Number(k)) {
      reasons[Number(k) - 1].checked = true;
      armed = false;
      decide('exclude');
    } else if (k === 'Escape' && armed) {
      armed = false;
      say('');
    } else {
      return;
    }
    e.preventDefault();
  });

  document.addEventListener('click', function (e) {
    if (e.target && e.target.id === 'help-toggle') {
      var help = document.getElementById('help');
      if (help) help.hidden = !help.hidden;
    }
  });

  // htmx requests carry the CSRF token as a header too (forms also send it as a field).
  document.addEventListener('htmx:configRequest', function (e) {
    var meta = document.querySelector('meta[name=csrf-token]');
    if (meta) e.detail.headers['X-CSRF-Token'] = meta.content;
  });
  // The criteria beside the record stay as the reviewer left them, open or folded, from record to record; a phone
  // starts with them folded, above the record.
  function criteria() {
    var box = document.getElementById('criteria');
    if (!box) return;
    var kept = null;
    try { kept = window.localStorage.getItem('cortexlit.criteria'); } catch (ignored) { /* storage off */ }
    var wanted = kept ? kept === 'open' : !window.matchMedia('(max-width: 50rem)').matches;
    var ours = box.open !== wanted; // the toggle event this assignment fires is not the reviewer's choice
    box.open = wanted;
    box.addEventListener('toggle', function () {
      if (ours) { ours = false; return; }
      try { window.localStorage.setItem('cortexlit.criteria', box.open ? 'open' : 'folded'); } catch (ignored) { /* storage off */ }
    });
  }

  document.addEventListener('DOMContentLoaded', criteria);
  document.addEventListener('htmx:afterSwap', function () {
    armed = false;
    criteria();
    window.scrollTo(0, 0);
  });
})();
