// Kerjasama: "Kerja sama saya" and the search by number or title in Tasklist.
// Loaded by scripts/config.js (customScripts) as an ES module; its default
// export is two Tasklist plugins (Camunda 7.24 turns every plugin with a
// render function into a view at its plugin point). docs/localization.md
// "Kerja sama saya and the search".
//  - tasklist.navbar.action: a "Kerja sama saya" link in the header opens a
//    panel listing the agreements of the officer's own units (GET
//    /api/agreements/mine: the server takes the units from the login) with
//    their phase and next open task (name, the group it waits with, due date
//    dd/mm/yyyy); a box narrows it by number or part of the title, and
//    "Tampilkan tugasnya" shows the agreement's tasks in the task list, in
//    whichever of the officer's filters holds them (Tasklist searches only
//    inside the selected filter).
//  - tasklist.list: a box above the task list; what is typed (a registration
//    number or part of a title) becomes Tasklist's own search, "Nomor
//    registrasi" OR "Judul kerja sama" contains the text, ignoring case, so
//    the officer never picks a criterion from Tasklist's list of thirty.

const API = '/api/agreements/mine';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

// ---- Tasklist's own search, driven through its address --------------------

/** The parameters of Tasklist's address (after "#/?"). */
function hashParams() {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return query.split('&').filter(Boolean).map(part => {
    const i = part.indexOf('=');
    return i < 0 ? [part, null] : [part.substring(0, i), part.substring(i + 1)];
  });
}

/**
 * Shows the tasks whose card variables match in the task list: Tasklist's
 * search widget reads its criteria from the address ("searchQuery", and
 * "searchOrQuery" for "any of"), builds the filter query from them and shows
 * them as its own pills, which the officer can remove as usual.
 */
function searchTaskList(criteria, matchAny) {
  const kept = hashParams().filter(([key]) => ['filter', 'sorting'].includes(key))
    .map(([key, value]) => value === null ? key : key + '=' + value);
  if (criteria.length) {
    kept.push('searchQuery=' + encodeURIComponent(JSON.stringify(criteria)));
    if (matchAny) {
      kept.push('searchOrQuery'); // a key without a value, as Tasklist writes it
    }
  }
  window.location.hash = '#/?' + kept.join('&');
}

/** Tasklist's search for a number or part of a title: either card variable contains the text, any case. */
function searchByNumberOrTitle(text) {
  const typed = text.trim();
  if (!typed) {
    searchTaskList([], false);
    return;
  }
  searchTaskList([
    {type: 'processVariables', operator: 'like', value: typed, name: 'registrationNumber'},
    {type: 'processVariables', operator: 'like', value: typed, name: 'cooperationTitle'},
    {type: 'variableValuesIgnoreCase'}
  ], true);
  setTimeout(() => ignoreCaseAgain(40), 250); // after Tasklist has read the new address
}

// Tasklist 7.24 reads "ignore case" from the address (its check box is
// ticked) but leaves it out of the query it sends, until the criteria change:
// it adds the option only when the previous criteria already held a
// variable. Unticking and ticking the box again (each a change Tasklist
// handles) puts it into the query.
function ignoreCaseAgain(tries) {
  const box = document.querySelector('.ignore-case input[ng-model="caseHandeling.ignoreValues"]');
  if (!box) {
    if (tries > 0) {
      setTimeout(() => ignoreCaseAgain(tries - 1), 100);
    }
    return;
  }
  if (box.checked) {
    box.click();
  }
  setTimeout(() => {
    if (!box.checked) {
      box.click();
    }
  }, 50);
}

const ENGINE = '/camunda/api/engine/engine/default';

function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/**
 * The filter to show an agreement's tasks in: Tasklist searches only inside
 * the selected filter, and an agreement's next task is often in another one
 * ("Tugas kelompok saya" while "Tugas saya" is selected). The selected
 * filter if it holds a task of the agreement, else the first filter (in
 * Tasklist's order) that does; null if none of the officer's filters does
 * (the task waits with another unit, or another person claimed it).
 */
async function filterWithTasksOf(registrationNumber) {
  const response = await fetch(ENGINE + '/filter?resourceType=Task', {credentials: 'same-origin',
    headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error('Kesalahan ' + response.status);
  }
  const filters = (await response.json()).sort((a, b) => ((a.properties || {}).priority || 0)
    - ((b.properties || {}).priority || 0));
  const selected = (hashParams().find(([key]) => key === 'filter') || [])[1];
  const ordered = filters.filter(f => f.id === selected).concat(filters.filter(f => f.id !== selected));
  for (const filter of ordered) {
    const count = await fetch(ENGINE + '/filter/' + encodeURIComponent(filter.id) + '/count', {
      method: 'POST', credentials: 'same-origin',
      headers: {Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
      body: JSON.stringify({processVariables: [{name: 'registrationNumber', operator: 'eq', value: registrationNumber}]})
    });
    if (count.ok && (await count.json()).count > 0) {
      return filter.id;
    }
  }
  return null;
}

/**
 * Tasklist's search for one agreement's tasks, by its registration number,
 * in a filter that holds them whichever filter was selected; false if no
 * filter of the officer holds one.
 */
async function showTasksOf(registrationNumber) {
  const filter = await filterWithTasksOf(registrationNumber);
  if (!filter) {
    return false;
  }
  const criteria = [{type: 'processVariables', operator: 'eq', value: registrationNumber, name: 'registrationNumber'}];
  const kept = hashParams().filter(([key]) => key === 'sorting')
    .map(([key, value]) => value === null ? key : key + '=' + value);
  window.location.hash = '#/?' + ['filter=' + encodeURIComponent(filter), ...kept,
    'searchQuery=' + encodeURIComponent(JSON.stringify(criteria))].join('&');
  return true;
}

// ---- the search box above the task list ---------------------------------

function renderTaskSearch(node) {
  const input = el('input', {
    type: 'search', class: 'form-control input-sm ks-task-search-input',
    placeholder: 'Cari nomor registrasi atau judul kerja sama',
    'aria-label': 'Cari tugas menurut nomor registrasi atau judul kerja sama'
  });
  const form = el('form', {class: 'ks-task-search', role: 'search', onsubmit: event => {
    event.preventDefault();
    searchByNumberOrTitle(input.value);
  }},
  input,
  el('button', {type: 'submit', class: 'btn btn-default btn-sm'}, 'Cari'),
  el('button', {type: 'button', class: 'btn btn-link btn-sm', onclick: () => {
    input.value = '';
    searchTaskList([], false);
  }}, 'Hapus'));
  node.appendChild(form);
}

// ---- "Kerja sama saya" ------------------------------------------------------

let panel = null;

function message(body) {
  try {
    const parsed = JSON.parse(body);
    return parsed.message || body;
  } catch (e) {
    return body;
  }
}

async function loadMine(text) {
  const url = API + '?size=50' + (text && text.trim() ? '&q=' + encodeURIComponent(text.trim()) : '');
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.text();
  if (!response.ok) {
    throw new Error(message(body) || ('Kesalahan ' + response.status));
  }
  return JSON.parse(body);
}

function nextTaskCell(agreement) {
  const next = agreement.nextTask;
  if (!next) {
    return el('td', {class: 'ks-next-task'}, el('span', {class: 'text-muted'}, 'Tidak ada tugas terbuka'));
  }
  const groups = (next.groups || []).map(g => g.name).join(', ');
  return el('td', {class: 'ks-next-task'},
    el('div', {class: 'ks-task-name'}, next.name),
    groups ? el('div', {class: 'ks-task-groups'}, 'Menunggu: ' + groups) : null,
    next.assignee ? el('div', {class: 'ks-task-assignee'}, 'Dikerjakan oleh: ' + next.assignee) : null,
    agreement.openTasks > 1 ? el('div', {class: 'text-muted'}, `dan ${agreement.openTasks - 1} tugas lain`) : null);
}

function dueCell(agreement) {
  const next = agreement.nextTask;
  if (!next || !next.dueText) {
    return el('td', {class: 'ks-due'}, '-');
  }
  return el('td', {class: 'ks-due' + (next.overdue ? ' text-danger' : '')},
    next.dueText, next.overdue ? el('div', {}, '(terlambat)') : null);
}

function renderRows(tbody, summary, page) {
  tbody.textContent = '';
  page.items.forEach(agreement => {
    tbody.appendChild(el('tr', {'data-registration-number': agreement.registrationNumber},
      el('td', {class: 'ks-number'}, agreement.registrationNumber),
      el('td', {class: 'ks-title'}, agreement.title),
      el('td', {class: 'ks-phase'}, agreement.phaseLabel),
      nextTaskCell(agreement),
      dueCell(agreement),
      el('td', {}, el('button', {type: 'button', class: 'btn btn-default btn-xs ks-show-tasks', onclick: event => {
        const button = event.currentTarget;
        button.disabled = true;
        showTasksOf(agreement.registrationNumber).then(shown => {
          if (shown) {
            closePanel();
            return;
          }
          button.disabled = false;
          const next = agreement.nextTask;
          summary.textContent = `Tugas kerja sama ${agreement.registrationNumber} tidak ada di daftar tugas Anda`
            + (next && next.groups && next.groups.length ? ` (menunggu ${next.groups.map(g => g.name).join(', ')})`
              : next && next.assignee ? ` (dikerjakan oleh ${next.assignee})` : '') + '.';
        }).catch(error => {
          button.disabled = false;
          summary.textContent = 'Tugas tidak dapat dicari: ' + error.message;
        });
      }}, 'Tampilkan tugasnya'))));
  });
  summary.textContent = page.totalItems === 0 ? 'Tidak ada kerja sama unit Anda yang cocok.'
    : page.totalItems > page.items.length ? `${page.items.length} dari ${page.totalItems} kerja sama (terbaru diubah lebih dulu)`
      : `${page.totalItems} kerja sama`;
}

function closePanel() {
  if (panel) {
    panel.remove();
    panel = null;
    const opener = document.querySelector('.ks-mine-open');
    if (opener) {
      opener.focus();
    }
  }
}

function openPanel() {
  if (panel) {
    return;
  }
  const input = el('input', {type: 'search', class: 'form-control input-sm ks-mine-search',
    placeholder: 'Nomor registrasi atau bagian judul', 'aria-label': 'Cari kerja sama saya'});
  const summary = el('p', {class: 'ks-mine-summary', role: 'status'}, 'Memuat…');
  const tbody = el('tbody');
  const refresh = () => {
    summary.textContent = 'Memuat…';
    loadMine(input.value).then(page => renderRows(tbody, summary, page))
      .catch(error => {
        tbody.textContent = '';
        summary.textContent = 'Daftar tidak dapat dimuat: ' + error.message;
      });
  };
  panel = el('div', {class: 'ks-mine-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Kerja sama saya',
    onkeydown: event => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closePanel();
      }
    }},
  el('div', {class: 'ks-mine-header'},
    el('h3', {}, 'Kerja sama saya'),
    el('button', {type: 'button', class: 'btn btn-link ks-mine-close', 'aria-label': 'Tutup', onclick: closePanel},
      'Tutup ×')),
  el('p', {class: 'text-muted'}, 'Kerja sama yang diusulkan atau dijalankan unit Anda, dengan tahapnya dan tugas '
      + 'berikutnya. Tenggat ditulis hari/bulan/tahun.'),
  el('form', {class: 'form-inline ks-mine-form', role: 'search', onsubmit: event => {
    event.preventDefault();
    refresh();
  }}, input, ' ', el('button', {type: 'submit', class: 'btn btn-primary btn-sm'}, 'Cari')),
  summary,
  el('div', {class: 'ks-mine-table'},
    el('table', {class: 'table table-condensed'},
      el('thead', {}, el('tr', {},
        el('th', {}, 'Nomor registrasi'), el('th', {}, 'Judul'), el('th', {}, 'Tahap'),
        el('th', {}, 'Tugas berikutnya'), el('th', {}, 'Tenggat'), el('th', {}, ''))),
      tbody)));
  document.body.appendChild(panel);
  input.focus();
  refresh();
}

function renderNavbarAction(node) {
  node.appendChild(el('a', {href: '', class: 'ks-mine-open', role: 'button', title: 'Kerja sama unit Anda',
    onclick: event => {
      event.preventDefault();
      openPanel();
    }},
  el('span', {class: 'glyphicon glyphicon-briefcase', 'aria-hidden': 'true'}), ' Kerja sama saya'));
}

const STYLE = `
.ks-mine-panel { position: fixed; top: 48px; right: 0; bottom: 0; width: min(900px, 100vw); z-index: 1040;
  background: #fff; border-left: 1px solid #ccc; box-shadow: -4px 0 12px rgba(0,0,0,.2); padding: 12px 16px;
  display: flex; flex-direction: column; }
.ks-mine-header { display: flex; justify-content: space-between; align-items: center; }
.ks-mine-header h3 { margin: 0; }
.ks-mine-form { margin-bottom: 8px; }
.ks-mine-form input { width: min(360px, 70vw); display: inline-block; }
.ks-mine-table { overflow: auto; flex: 1; }
.ks-task-groups, .ks-task-assignee { color: #555; font-size: 12px; }
.ks-task-search { display: flex; gap: 4px; padding: 6px 8px; }
.ks-task-search input { flex: 1; min-width: 0; }
`;

function addStyle() {
  if (!document.getElementById('ks-worklist-style')) {
    document.head.appendChild(el('style', {id: 'ks-worklist-style'}, STYLE));
  }
}
addStyle();

// Exposed for the browser test and for debugging in the console.
window.kerjasamaWorklist = {searchByNumberOrTitle, showTasksOf, openPanel};

export default [
  {
    id: 'kerjasama-mine',
    pluginPoint: 'tasklist.navbar.action',
    priority: 150,
    render: renderNavbarAction
  },
  {
    id: 'kerjasama-task-search',
    pluginPoint: 'tasklist.list',
    priority: 200,
    render: renderTaskSearch
  }
];
