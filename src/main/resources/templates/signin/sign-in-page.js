// Kerjasama's sign-in page (platform/web/SignInPage, docs/security.md "Sign-in page"): signs in through
// Camunda's own login with Camunda's CSRF token, then opens the app at the one fixed address the page names
// (Tasklist's, or Cockpit's, Admin's, Welcome's after a sign-out there).
(function () {
  'use strict';
  var form = document.getElementById('masuk');
  var name = document.getElementById('nama-pengguna');
  var password = document.getElementById('kata-sandi');
  var button = document.getElementById('tombol-masuk');
  var message = document.getElementById('pesan');
  var app = form.getAttribute('data-app');
  // the place in the app the officer was at when the session expired (the address's fragment, #/?task=…,
  // written by app/kerjasama-session.js): appended to the app's fixed address, so it stays on that page
  var place = /^#\/(?!login(?:[/?]|$))[^\s]*$/.test(window.location.hash) ? window.location.hash : '';
  var target = form.getAttribute('data-target') + place;
  var token = form.getAttribute('data-token') || '';
  var busy = false;

  // Camunda gives a session's CSRF token (X-XSRF-TOKEN) with the first request that makes the session;
  // an officer who is signed in already goes on to the app
  function fetchToken() {
    return fetch(form.getAttribute('data-user'), {
      credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}
    }).then(function (answer) {
      var fresh = answer.headers.get('X-XSRF-TOKEN');
      if (fresh && fresh !== 'Required') {
        token = fresh;
      }
      if (!answer.ok) {
        return;
      }
      return answer.json().then(function (user) {
        if (user && user.authorizedApps && user.authorizedApps.indexOf(app) >= 0) {
          window.location.replace(target);
        }
      });
    }).catch(function () {
      // offline for a moment: the sign-in asks again
    });
  }

  // Tasklist's files into the browser's cache while the officer types: only now, with the session's cookie,
  // as Camunda makes a session (and a token) for every request to /camunda/app without one
  // Camunda replaces the session at the sign-in; a request to /camunda/app or /camunda/api still under way
  // with the old one would come back with a new, signed-out session cookie: the sign-in waits for those
  // (data-session), not for Camunda's bundle and the fonts, which leave the session alone
  var sessionFetches = Promise.resolve();

  function loaded(link) {
    return new Promise(function (done) {
      link.addEventListener('load', done);
      link.addEventListener('error', done);
    });
  }

  function prefetch() {
    var links = document.querySelectorAll('link[rel=prefetch][data-href]');
    var waits = [];
    for (var i = 0; i < links.length; i++) {
      if (links[i].hasAttribute('data-session')) {
        waits.push(loaded(links[i]));
      }
      links[i].href = links[i].getAttribute('data-href');
    }
    // at most 20 s: a link that hangs must not keep the officer out
    sessionFetches = Promise.race([Promise.all(waits), new Promise(function (done) {
      setTimeout(done, 20000);
    })]);
  }

  var ready = fetchToken().then(prefetch);

  function show(text) {
    message.textContent = '';
    var title = document.createElement('strong');
    title.textContent = form.getAttribute('data-failed');
    message.appendChild(title);
    message.appendChild(document.createTextNode(text));
    message.hidden = false;
  }

  function signIn() {
    var body = new URLSearchParams();
    body.set('username', name.value);
    body.set('password', password.value);
    return fetch(form.getAttribute('data-login'), {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'Accept': 'application/json',
        'X-XSRF-TOKEN': token
      },
      body: body.toString()
    });
  }

  function failed(answer) {
    password.value = '';
    busy = false;
    button.disabled = false;
    var fallback = form.getAttribute('data-error');
    if (!answer) {
      show(fallback);
      return;
    }
    answer.text().then(function (text) {
      var said = '';
      try {
        said = JSON.parse(text).message || '';
      } catch (e) {
        said = '';
      }
      // the throttle's words are Indonesian; for anything else (Camunda's 401 says "Unauthorized")
      // Tasklist's own message
      show(answer.status === 429 && said ? said : fallback);
    }, function () {
      show(fallback);
    });
    password.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    button.disabled = true;
    message.hidden = true;
    var retried = false;
    ready.then(function () {
      return sessionFetches;
    }).then(function attempt() {
      return signIn().then(function (answer) {
        // Camunda ends a session whose token it refuses (403): fetch the new session's token, once
        if (answer.status === 403 && !retried) {
          retried = true;
          token = '';
          return fetchToken().then(attempt);
        }
        return answer;
      });
    }).then(function (answer) {
      if (answer && answer.ok) {
        window.location.assign(target);
      } else {
        failed(answer);
      }
    }, function () {
      failed(null);
    });
  });

  button.disabled = false;
})();
