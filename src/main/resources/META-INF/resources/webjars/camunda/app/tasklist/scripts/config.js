/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Kerjasama: Bahasa Indonesia (id) and English (en), chosen in
// ../../kerjasama-locales.js (shared by the four webapps; docs/localization.md).
import {kerjasamaLocales} from '../../kerjasama-locales.js';
// the footer names the time zone WIB/WITA/WIT (../../kerjasama-footer-zone.js, shared by the four webapps)
import {watchFooterZone} from '../../kerjasama-footer-zone.js';
// after a sign-out or an expired session: Kerjasama's sign-in page /masuk (../../kerjasama-session.js)
import {watchSession} from '../../kerjasama-session.js';

watchFooterZone();
watchSession();

export default {
  // Kerjasama: the application's own name in the header and the window title, "Kerjasama Tasklist"
  // instead of "Camunda Tasklist"; its logo replaces Camunda's through styles/user-styles.css
  // (docs/localization.md "The application's name and logo")
  app: {
    vendor: 'Kerjasama'
  },
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  locales: kerjasamaLocales(),
  // Kerjasama: Indonesian dates and amounts in Camunda Forms (docs/localization.md);
  // the tab "Berkas kerja sama" beside the task form (docs/localization.md "The reviewer's tab …");
  // "Kerja sama saya" and the search by number or title (docs/localization.md "Task cards")
  customScripts: ['scripts/kerjasama-forms', 'scripts/kerjasama-dossier', 'scripts/kerjasama-worklist'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // Kerjasama: no "first visit" check on the login page: for its welcome box Camunda asks
  // GET /camunda-welcome, an address this application does not serve (a 404), on every load: a
  // round trip on a slow link (docs/performance.md "Slow links")
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
