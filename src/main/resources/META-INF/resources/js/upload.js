// The upload form with feedback: while a file goes up, its button is disabled and a progress bar shows how much has
// been sent; then the page shows what the server answered (the import run, or why the file was refused), and the
// address bar follows. Without JavaScript the form posts as usual.
(function () {
  'use strict';

  function show(xhr) {
    // the answer the server gave once (a flash message is read once): shown as it is, not fetched again
    document.open();
    document.write(xhr.responseText);
    document.close();
    if (xhr.responseURL) {
      window.history.replaceState(null, '', xhr.responseURL);
    }
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.matches || !form.matches('form[data-upload]') || !window.FormData || !window.XMLHttpRequest) return;
    var input = form.querySelector('input[type=file]');
    if (!input || !input.files.length) return;
    e.preventDefault();
    var button = form.querySelector('button[type=submit]');
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    button.disabled = true;
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = 'Uploading ' + input.files[0].name + '...';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (p) {
      if (!p.lengthComputable) return;
      bar.max = p.total;
      bar.value = p.loaded;
      status.textContent = 'Uploading ' + input.files[0].name + ': ' + Math.round(100 * p.loaded / p.total) + '%';
    });
    xhr.upload.addEventListener('load', function () {
      status.textContent = 'Uploaded; reading the records...';
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 400 && !/html/.test(xhr.getResponseHeader('Content-Type') || '')) {
        button.disabled = false;
        bar.hidden = true;
        status.textContent = xhr.responseText || ('The upload was refused (' + xhr.status + ').');
        return;
      }
      show(xhr);
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      bar.hidden = true;
      status.textContent = 'The upload did not reach the server: check the connection and try again.';
    });
    xhr.send(new FormData(form));
  });
})();
