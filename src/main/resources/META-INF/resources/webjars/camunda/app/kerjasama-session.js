// Kerjasama: after a sign-out or an expired session the officer signs in again on Kerjasama's own sign-in
// page /masuk (docs/security.md "Sign-in page"), not on Camunda's stock form. Imported by the
// scripts/config.js of Tasklist, Cockpit, Admin and Welcome, like kerjasama-footer-zone.js.
//
// Camunda's webapps show their login form at the route #/login in three cases: a page opened without a
// session (the server no longer serves such a page: platform/web/WebappSignInRedirect sends it to /masuk
// first), a sign-out ("Keluar": the event authentication.logout.success), and a request answered 401
// while the page was signed in (the session expired or was ended on the server:
// authentication.login.required; also "Selesaikan" after an expiry, which
// platform/security/ExpiredSessionCalls answers 401). In the last two, this page had shown a signed-in
// user (a page that never did, e.g. one Camunda refuses to the signed-in user, stays): it goes to
// /masuk?aplikasi=<this app>, after an expiry with the place the officer was at as the address's fragment
// (#/?task=…), which /masuk appends to the app's fixed address after the sign-in.

let signedIn = false;
let signingOut = false;
let lastPlace = '';

function isLogin(hash) {
  return /^#\/login(?:[/?]|$)/.test(hash);
}

/** /masuk beside the webapps' root (<base app-root="/camunda">): /masuk, or /<context>/masuk. */
export function signInAddress(appRoot, app, place) {
  const root = (appRoot || '/camunda').replace(/\/+$/, '');
  const masuk = root.slice(0, root.lastIndexOf('/')) + '/masuk';
  return masuk + '?aplikasi=' + encodeURIComponent(app) + (place && !isLogin(place) ? place : '');
}

function onRoute() {
  const hash = window.location.hash;
  if (!isLogin(hash)) {
    if (hash.length > 2) {
      lastPlace = hash;
    }
    return;
  }
  if (!signedIn) {
    return;
  }
  const base = document.querySelector('base');
  const app = (base && base.getAttribute('app-name')) || 'tasklist';
  window.location.replace(signInAddress(base && base.getAttribute('app-root'), app, signingOut ? '' : lastPlace));
}

let watching = false;

/** Sends the officer to /masuk when this page, once signed in, shows Camunda's login form; once per page. */
export function watchSession() {
  if (watching) {
    return;
  }
  watching = true;
  onRoute();
  window.addEventListener('hashchange', onRoute);
  // the header names the signed-in user (its brand link and account menu exist only then)
  const begin = () => {
    let observer = null;
    const look = () => {
      if (!signedIn && document.querySelector('[cam-widget-header] .account')) {
        signedIn = true;
        observer.disconnect();
      }
    };
    let scheduled = false;
    observer = new MutationObserver(() => {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          look();
        });
      }
    });
    observer.observe(document.body, {childList: true, subtree: true});
    look();
    // "Keluar" in the account menu: a sign-out, not an expiry; the next officer starts at the app's start
    document.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('[cam-widget-header] .logout')) {
        signingOut = true;
      }
    }, true);
  };
  if (document.body) {
    begin();
  } else {
    document.addEventListener('DOMContentLoaded', begin);
  }
}
