(function () {
  'use strict';

  // Every text from the run documents reaches the page as textContent, never as markup; element attributes are set
  // one by one, and none of them is an address (no href or src is ever built from data).
  var OUTCOMES = ['Pass', 'Warning', 'Fail', 'Error', 'NotApplicable', 'Skipped'];
  var OUTCOME_LABELS = { Pass: 'Pass', Warning: 'Warning', Fail: 'Fail', Error: 'Error', NotApplicable: 'Not applicable', Skipped: 'Skipped' };
  // Worst first when sorted descending.
  var OUTCOME_RANK = { Fail: 6, Error: 5, Warning: 4, Skipped: 3, Pass: 2, NotApplicable: 1 };
  var SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Info'];
  var SEVERITY_RANK = { Critical: 5, High: 4, Medium: 3, Low: 2, Info: 1 };
  var SORT_KEYS = [
    { key: 'name', label: 'Client name', first: 'asc' },
    { key: 'grantType', label: 'Grant type', first: 'asc' },
    { key: 'state', label: 'State', first: 'asc' },
    { key: 'outcome', label: 'Outcome', first: 'desc' },
    { key: 'severity', label: 'Severity', first: 'desc' },
    { key: 'findings', label: 'Findings', first: 'desc' },
    { key: 'waived', label: 'Waived', first: 'desc' }
  ];
  // Control, format (bidi, zero-width) and separator characters are shown as escapes, as the module shows them.
  var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

  function visible(text) {
    if (text === null || text === undefined) {
      return '';
    }

    return String(text).replace(HIDDEN, function (character) {
      var code = character.codePointAt(0);
      var hex = code.toString(16);
      return code <= 0xff ? '\\x' + ('0' + hex).slice(-2) : '\\u' + ('000' + hex).slice(-Math.max(4, hex.length));
    });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === null || value === undefined || value === false) {
          return;
        }

        if (name === 'text') {
          node.textContent = visible(value);
        } else {
          node.setAttribute(name, value === true ? '' : String(value));
        }
      });
    }

    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === null || children === undefined) {
      return node;
    }

    (Array.isArray(children) ? children : [children]).forEach(function (child) {
      if (child === null || child === undefined || child === false) {
        return;
      }

      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(visible(child)) : child);
    });
    return node;
  }

  function time(value) {
    return value ? String(value).replace('T', ' ').replace(/Z$/, ' UTC') : '';
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function fact(term, value, className, wide) {
    return el('div', { 'class': wide ? 'wide' : null }, [el('dt', { text: term }), el('dd', { 'class': className || null }, value)]);
  }

  function badge(kind, value, label) {
    return el('span', { 'class': 'badge ' + kind + '-' + value, text: label || value });
  }

  function outstanding(result) {
    return result.findings.filter(function (finding) { return !finding.waived; });
  }

  function readRuns() {
    var data = document.getElementById('oauthaudit-runs');
    var runs = JSON.parse(data ? data.textContent : '');
    if (!Array.isArray(runs) || runs.length === 0) {
      throw new Error('the page holds no audit run.');
    }

    runs.forEach(function (run, index) {
      if (!run || run.schemaVersion !== 1 || !Array.isArray(run.results) || !run.summary) {
        throw new Error('run ' + (index + 1) + ' is not an audit-run document of schema version 1.');
      }
    });
    return runs;
  }

  function problem(main, message) {
    append(main, el('p', { 'class': 'notice', role: 'alert', text: 'This report could not be shown: ' + message }));
  }

  function tile(prefix, key, value, label, className, onActivate) {
    var content = [el('span', { 'class': 'tile-value', text: String(value) }), el('span', { 'class': 'tile-label', text: label })];
    var body = onActivate
      ? el('button', { type: 'button', title: key === 'clients' ? 'Show every client' : 'Show only the ' + label + ' clients', 'aria-controls': prefix + 'clients' }, content)
      : el('div', null, content);
    if (onActivate) {
      body.addEventListener('click', onActivate);
    }

    return el('li', { 'class': 'tile' + (className ? ' ' + className : ''), 'data-tile': key }, body);
  }

  function renderRun(run, index, several) {
    var prefix = 'r' + index + '-';
    var organization = run.organization || {};
    var section = el('section', { 'class': 'org', id: prefix + 'org', 'aria-labelledby': prefix + 'title', 'data-organization-id': organization.id });
    append(section, el('h2', { id: prefix + 'title', text: organization.name || organization.id }));

    var source = run.dataSource || {};
    var baseline = run.baseline || {};
    append(section, el('dl', { 'class': 'facts' }, [
      fact('Organization id', organization.id, 'mono'),
      fact('Region', organization.region || 'not known'),
      fact('Data', source.kind === 'Snapshot' ? 'snapshot captured ' + (time(source.capturedAt) || 'at an unknown time') : 'live API'),
      fact('Started', time(run.startedAt)),
      fact('Finished', time(run.finishedAt)),
      fact('Tool', (run.tool ? run.tool.name + ' ' + run.tool.version : '')),
      fact('Baseline', (baseline.name || '') + ' (' + (baseline.source || '') + ')', null, true),
      fact('Baseline SHA-256', baseline.sha256 || 'not recorded', 'mono', true)
    ]));

    var state = { outcome: '', severity: '', grantType: '', text: '', sortKey: 'order', sortDir: 'asc', items: [] };
    var controls = {};
    var summary = run.summary;
    var byOutcome = summary.byOutcome || {};
    var bySeverity = summary.bySeverity || {};

    function showOutcome(outcome) {
      return function () {
        state.outcome = outcome;
        controls.outcome.value = outcome;
        apply();
        controls.outcome.focus();
      };
    }

    append(section, el('h3', { 'class': 'tile-group', text: 'Clients' }));
    append(section, el('ul', { 'class': 'tiles', 'aria-label': 'Clients by outcome' }, [
      tile(prefix, 'clients', summary.clients, 'Clients', null, showOutcome('')),
      tile(prefix, 'Pass', byOutcome.Pass || 0, 'Pass', 'o-Pass', showOutcome('Pass')),
      tile(prefix, 'Warning', byOutcome.Warning || 0, 'Warning', 'o-Warning', showOutcome('Warning')),
      tile(prefix, 'Fail', byOutcome.Fail || 0, 'Fail', 'o-Fail', showOutcome('Fail')),
      tile(prefix, 'Error', byOutcome.Error || 0, 'Error', 'o-Error', showOutcome('Error')),
      tile(prefix, 'NotApplicable', byOutcome.NotApplicable || 0, 'Not applicable', null, showOutcome('NotApplicable')),
      tile(prefix, 'Skipped', byOutcome.Skipped || 0, 'Skipped', null, showOutcome('Skipped'))
    ]));
    append(section, el('h3', { 'class': 'tile-group', text: 'Outstanding findings by severity' }));
    append(section, el('ul', { 'class': 'tiles', 'aria-label': 'Outstanding findings by severity' },
      SEVERITIES.map(function (severity) {
        return tile(prefix, 'severity-' + severity, bySeverity[severity] || 0, severity, 's-' + severity, null);
      }).concat([tile(prefix, 'waived', summary.waivedFindings || 0, 'Waived', null, null)])));

    if (run.errors && run.errors.length > 0) {
      append(section, el('div', { 'class': 'run-errors', role: 'region', 'aria-labelledby': prefix + 'errors' }, [
        el('h3', { id: prefix + 'errors', text: plural(run.errors.length, 'error', 'errors') + ' during the run' }),
        el('ul', null, run.errors.map(function (error) {
          return el('li', null, [
            el('code', { text: error.errorId }), ' ',
            error.clientName ? el('strong', { text: error.clientName }) : 'the run as a whole', ': ',
            error.message, ' ', el('span', { 'class': 'muted', text: '(' + time(error.occurredAt) + ')' })
          ]);
        }))
      ]));
    }

    append(section, el('h3', { id: prefix + 'clients-title', text: 'Clients' }));
    append(section, filters(prefix, run, state, controls, apply));
    var shown = el('p', { 'class': 'shown', id: prefix + 'shown', role: 'status', 'aria-live': 'polite' });
    append(section, shown);

    var headRow = el('tr');
    append(headRow, SORT_KEYS.map(function (sort) {
      var button = el('button', { type: 'button', 'class': 'sort', 'data-sort': sort.key, text: sort.label });
      button.addEventListener('click', function () {
        var dir = state.sortKey === sort.key ? (state.sortDir === 'asc' ? 'desc' : 'asc') : sort.first;
        setSort(sort.key, dir);
      });
      var isNumber = sort.key === 'findings' || sort.key === 'waived';
      return el('th', { scope: 'col', 'class': isNumber ? 'num' : null, 'data-sort-key': sort.key }, button);
    }));
    var body = el('tbody');
    var table = el('table', { 'class': 'clients', id: prefix + 'clients', 'aria-labelledby': prefix + 'clients-title', 'aria-describedby': prefix + 'shown', 'data-organization-id': organization.id },
      [several ? el('caption', { 'class': 'table-org', text: 'Clients of ' + (organization.name || organization.id) + ' (' + organization.id + ')' }) : null, el('thead', null, headRow), body]);
    append(section, table);

    var rules = {};
    (baseline.rules || []).forEach(function (rule) { rules[rule.id] = rule; });
    state.items = run.results.map(function (result, position) {
      return clientRows(prefix, position, result, rules);
    });
    state.items.forEach(function (item) {
      body.appendChild(item.row);
      body.appendChild(item.detail);
    });

    function setSort(key, dir) {
      state.sortKey = key;
      state.sortDir = dir;
      controls.sort.value = key + ':' + dir;
      apply();
    }

    controls.setSort = setSort;

    function apply() {
      var text = state.text.trim().toLowerCase();
      var count = 0;
      state.items.forEach(function (item) {
        var show = (!state.outcome || item.result.outcome === state.outcome)
          && (!state.severity || (state.severity === 'none' ? !item.result.severity : item.result.severity === state.severity))
          && (!state.grantType || item.result.grantType === state.grantType)
          && (!text || item.search.indexOf(text) >= 0);
        item.row.hidden = !show;
        item.detail.hidden = !show || !item.expanded;
        item.detail.classList.toggle('filtered-out', !show);
        count += show ? 1 : 0;
      });

      var ordered = state.items.slice().sort(comparer(state.sortKey, state.sortDir));
      ordered.forEach(function (item) {
        body.appendChild(item.row);
        body.appendChild(item.detail);
      });
      Array.prototype.forEach.call(headRow.children, function (th) {
        if (th.getAttribute('data-sort-key') === state.sortKey) {
          th.setAttribute('aria-sort', state.sortDir === 'asc' ? 'ascending' : 'descending');
        } else {
          th.removeAttribute('aria-sort');
        }
      });
      shown.textContent = 'Showing ' + count + ' of ' + plural(state.items.length, 'client', 'clients') + '.';
    }

    apply();
    if (several) {
      section.setAttribute('data-several', 'true');
    }

    return section;
  }

  // Several organizations: the totals over every run, then one line per organization (its own baseline and source).
  function renderTotals(runs, names) {
    var total = { clients: 0, waivedFindings: 0, errors: 0, byOutcome: {}, bySeverity: {} };
    runs.forEach(function (run) {
      var summary = run.summary;
      total.clients += summary.clients || 0;
      total.waivedFindings += summary.waivedFindings || 0;
      total.errors += summary.errors || 0;
      OUTCOMES.forEach(function (outcome) { total.byOutcome[outcome] = (total.byOutcome[outcome] || 0) + ((summary.byOutcome || {})[outcome] || 0); });
      SEVERITIES.forEach(function (severity) { total.bySeverity[severity] = (total.bySeverity[severity] || 0) + ((summary.bySeverity || {})[severity] || 0); });
    });

    var section = el('section', { 'class': 'totals', id: 'totals', 'aria-labelledby': 'totals-title' });
    append(section, el('h2', { id: 'totals-title', text: 'All organizations' }));
    append(section, el('ul', { 'class': 'tiles', 'aria-label': 'Totals over every organization' }, [
      tile('totals-', 'organizations', runs.length, 'Organizations', null, null),
      tile('totals-', 'clients', total.clients, 'Clients', null, null)
    ].concat(OUTCOMES.map(function (outcome) {
      return tile('totals-', outcome, total.byOutcome[outcome], OUTCOME_LABELS[outcome], 'o-' + outcome, null);
    }), SEVERITIES.map(function (severity) {
      return tile('totals-', 'severity-' + severity, total.bySeverity[severity], severity, 's-' + severity, null);
    }), [tile('totals-', 'waived', total.waivedFindings, 'Waived', null, null), tile('totals-', 'errors', total.errors, 'Run errors', null, null)])));

    var columns = ['Organization', 'Baseline', 'Data', 'Clients'].concat(OUTCOMES.map(function (outcome) { return OUTCOME_LABELS[outcome]; }), SEVERITIES, ['Run errors']);
    var rows = runs.map(function (run, index) {
      var summary = run.summary;
      var organization = run.organization || {};
      var source = run.dataSource || {};
      var counts = [summary.clients].concat(OUTCOMES.map(function (outcome) { return (summary.byOutcome || {})[outcome] || 0; }),
        SEVERITIES.map(function (severity) { return (summary.bySeverity || {})[severity] || 0; }), [summary.errors || 0]);
      return el('tr', { 'data-organization-id': organization.id }, [
        el('th', { scope: 'row' }, [el('a', { href: '#r' + index + '-org', text: names[index] || organization.id }), el('span', { 'class': 'client-id mono muted', text: organization.id })]),
        el('td', { text: run.baseline ? run.baseline.name : '' }),
        el('td', { text: source.kind === 'Snapshot' ? 'snapshot ' + time(source.capturedAt) : 'live' })
      ].concat(counts.map(function (count) { return el('td', { 'class': 'num', text: String(count) }); })));
    });
    append(section, el('div', { 'class': 'orgs-wrap' }, el('table', { 'class': 'orgs', 'aria-labelledby': 'totals-title' }, [
      el('thead', null, el('tr', null, columns.map(function (column, index) {
        return el('th', { scope: 'col', 'class': index >= 3 ? 'num' : null, text: column });
      }))),
      el('tbody', null, rows)
    ])));
    return section;
  }

  function filters(prefix, run, state, controls, apply) {
    function select(key, label, options) {
      var control = el('select', { id: prefix + key, name: key }, options.map(function (option) {
        return el('option', { value: option[0], text: option[1] });
      }));
      control.addEventListener('change', function () {
        if (key === 'sort') {
          var parts = control.value.split(':');
          state.sortKey = parts[0];
          state.sortDir = parts[1];
        } else {
          state[key] = control.value;
        }

        apply();
      });
      controls[key] = control;
      return el('label', { 'for': prefix + key }, [label, control]);
    }

    var grantTypes = [];
    run.results.forEach(function (result) {
      if (grantTypes.indexOf(result.grantType) < 0) {
        grantTypes.push(result.grantType);
      }
    });
    grantTypes.sort();

    var sorts = [['order:asc', 'As judged']];
    SORT_KEYS.forEach(function (sort) {
      var second = sort.first === 'asc' ? 'desc' : 'asc';
      [sort.first, second].forEach(function (dir) {
        var words = sort.key === 'name' || sort.key === 'grantType' || sort.key === 'state'
          ? (dir === 'asc' ? 'A to Z' : 'Z to A')
          : sort.key === 'outcome' ? (dir === 'desc' ? 'worst first' : 'best first')
            : (dir === 'desc' ? 'highest first' : 'lowest first');
        sorts.push([sort.key + ':' + dir, sort.label + ', ' + words]);
      });
    });

    var search = el('input', { type: 'search', id: prefix + 'text', name: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'Name, id, rule, scope, role' });
    search.addEventListener('input', function () {
      state.text = search.value;
      apply();
    });
    controls.text = search;

    var reset = el('button', { type: 'button', text: 'Show all' });
    reset.addEventListener('click', function () {
      state.outcome = state.severity = state.grantType = state.text = '';
      controls.outcome.value = controls.severity.value = controls.grantType.value = '';
      search.value = '';
      apply();
    });

    return el('div', { 'class': 'filters', role: 'search', 'aria-label': 'Filter and sort the clients' }, [
      select('outcome', 'Outcome', [['', 'Any']].concat(OUTCOMES.map(function (outcome) { return [outcome, OUTCOME_LABELS[outcome]]; }))),
      select('severity', 'Highest severity', [['', 'Any']].concat(SEVERITIES.map(function (severity) { return [severity, severity]; }), [['none', 'None outstanding']])),
      select('grantType', 'Grant type', [['', 'Any']].concat(grantTypes.map(function (grantType) { return [grantType, grantType]; }))),
      el('label', { 'for': prefix + 'text' }, ['Search', search]),
      select('sort', 'Sort by', sorts),
      reset
    ]);
  }

  function sortValue(item, key) {
    var result = item.result;
    switch (key) {
      case 'name': return (result.clientName || '').toLowerCase();
      case 'grantType': return result.grantType || '';
      case 'state': return result.state || '';
      case 'outcome': return OUTCOME_RANK[result.outcome] || 0;
      case 'severity': return SEVERITY_RANK[result.severity] || 0;
      case 'findings': return item.outstanding;
      case 'waived': return item.waived;
      default: return item.position;
    }
  }

  function comparer(key, dir) {
    var sign = dir === 'desc' ? -1 : 1;
    return function (a, b) {
      var left = sortValue(a, key);
      var right = sortValue(b, key);
      var order = typeof left === 'number' ? left - right : left.localeCompare(right, 'en', { sensitivity: 'base' });
      if (order !== 0) {
        return sign * order;
      }

      // Ties keep a reader's order: by name, then as judged.
      return key === 'order' ? 0 : (sortValue(a, 'name').localeCompare(sortValue(b, 'name'), 'en') || a.position - b.position);
    };
  }

  function clientRows(prefix, position, result, rules) {
    var detailId = prefix + 'client-' + position;
    var open = outstanding(result);
    var item = {
      result: result,
      position: position,
      outstanding: open.length,
      waived: result.findings.length - open.length,
      expanded: false,
      search: searchText(result)
    };

    var toggle = el('button', { type: 'button', 'class': 'toggle', 'aria-expanded': 'false', 'aria-controls': detailId, text: result.clientName });
    item.row = el('tr', { 'class': 'client-row', 'data-outcome': result.outcome, 'data-severity': result.severity || '', 'data-grant-type': result.grantType }, [
      el('td', { 'class': 'name-cell', 'data-label': 'Client' }, [toggle, el('span', { 'class': 'client-id mono muted', text: result.clientId })]),
      el('td', { 'data-label': 'Grant type', text: result.grantType }),
      el('td', { 'data-label': 'State', text: result.state || '' }),
      el('td', { 'data-label': 'Outcome' }, badge('o', result.outcome, OUTCOME_LABELS[result.outcome] || result.outcome)),
      el('td', { 'data-label': 'Severity', 'data-severity': result.severity || '' }, result.severity ? badge('s', result.severity) : el('span', { 'class': 'muted', text: 'none' })),
      el('td', { 'class': 'num', 'data-label': 'Findings', text: String(item.outstanding) }),
      el('td', { 'class': 'num', 'data-label': 'Waived', text: String(item.waived) })
    ]);
    item.detail = el('tr', { 'class': 'detail-row', id: detailId, hidden: true },
      el('td', { colspan: String(SORT_KEYS.length) }, details(result, rules, open.length)));
    toggle.addEventListener('click', function () {
      item.expanded = !item.expanded;
      toggle.setAttribute('aria-expanded', item.expanded ? 'true' : 'false');
      item.detail.hidden = !item.expanded;
    });
    return item;
  }

  function searchText(result) {
    var parts = [result.clientName, result.clientId, result.grantType, result.state, result.outcome].concat(result.scopes || []);
    (result.roleGrants || []).forEach(function (grant) {
      parts.push(grant.roleName, grant.roleId, grant.divisionName);
    });
    result.findings.forEach(function (finding) {
      parts.push(finding.ruleId, finding.kind, finding.subject);
    });
    return parts.filter(function (part) { return part; }).join('\n').toLowerCase();
  }

  function details(result, rules, outstandingCount) {
    var about = el('dl', { 'class': 'facts' }, [
      fact('Client id', result.clientId, 'mono'),
      fact('State', result.state || 'not given'),
      fact('Evaluated', time(result.evaluatedAt)),
      fact('Matched rules', result.matchedRules.length ? result.matchedRules.join(', ') : 'none'),
      fact('Failed rules', result.failedRules.length ? result.failedRules.join(', ') : 'none'),
      result.reason ? fact(result.outcome === 'Error' ? 'Error' : 'Not judged because', result.reason) : null
    ]);
    var left = el('div', { 'class': 'access' }, [el('h4', { text: 'Client' }), about].concat(access(result)));
    var findings = result.findings.slice().sort(function (a, b) {
      return (a.waived - b.waived) || ((SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0));
    });
    var right = el('div', { 'class': 'findings-column' }, [
      el('h4', { text: 'Findings (' + outstandingCount + ' outstanding, ' + (result.findings.length - outstandingCount) + ' waived)' }),
      findings.length
        ? el('ul', { 'class': 'findings' }, findings.map(function (finding) { return findingItem(finding, rules); }))
        : el('p', { 'class': 'empty', text: result.outcome === 'Error' || result.outcome === 'Skipped' ? 'Not judged.' : 'No findings.' })
    ]);
    return el('div', { 'class': 'detail' }, [left, right]);
  }

  function access(result) {
    var nodes = [];
    var grants = result.roleGrants || [];
    var scopes = result.scopes || [];
    if (grants.length > 0 || result.grantType === 'CLIENT-CREDENTIALS') {
      nodes.push(el('h4', { text: 'Roles × divisions (' + grants.length + ')' }));
      if (grants.length === 0) {
        nodes.push(el('p', { 'class': 'empty', text: 'No role grants recorded.' }));
      } else {
        nodes.push(el('table', { 'class': 'grants' }, [
          el('thead', null, el('tr', null, [el('th', { scope: 'col', text: 'Role' }), el('th', { scope: 'col', text: 'Division' }), el('th', { scope: 'col', text: 'Permissions' })])),
          el('tbody', null, grants.map(grantRow))
        ]));
      }
    }

    if (scopes.length > 0 || grants.length === 0) {
      var unknown = result.unknownScopes || [];
      nodes.push(el('h4', { text: 'Scopes (' + scopes.length + ')' }));
      nodes.push(scopes.length
        ? el('ul', { 'class': 'scopes' }, scopes.map(function (scope) {
          var isUnknown = unknown.indexOf(scope) >= 0;
          return el('li', { 'class': isUnknown ? 'unknown mono' : 'mono', title: isUnknown ? 'not in the scope registry' : null },
            isUnknown ? [scope, ' (unknown)'] : scope);
        }))
        : el('p', { 'class': 'empty', text: 'No scopes recorded.' }));
    }

    return nodes;
  }

  function grantRow(grant) {
    var role = grant.roleName
      ? [el('span', { text: grant.roleName }), el('span', { 'class': 'client-id mono muted', text: grant.roleId })]
      : [el('span', { 'class': 'badge s-High', text: 'unknown role' }), ' ', el('span', { 'class': 'mono', text: grant.roleId })];
    var division = grant.allDivisions
      ? [el('strong', { text: 'all divisions' })]
      : grant.divisionName
        ? [el('span', { text: grant.divisionName }), grant.divisionId ? el('span', { 'class': 'client-id mono muted', text: grant.divisionId }) : null]
        : [el('span', { 'class': 'badge s-High', text: 'unknown division' }), ' ', el('span', { 'class': 'mono', text: grant.divisionId })];
    if (grant.fromRoleIds) {
      division.push(el('span', { 'class': 'client-id muted', text: 'from the deprecated roleIds' }));
    }

    var conditional = grant.conditionalPermissions || [];
    var permissions = grant.permissions || [];
    var list = el('ul', { 'class': 'perms' }, permissions.map(function (permission) {
      return el('li', { 'class': 'mono' }, conditional.indexOf(permission) >= 0 ? [permission, ' (conditional)'] : permission);
    }));
    var cell = permissions.length === 0
      ? el('span', { 'class': 'empty', text: grant.roleName ? 'none' : 'not known' })
      : el('details', null, [el('summary', { text: plural(permissions.length, 'permission', 'permissions') }), list]);
    return el('tr', null, [el('td', null, role), el('td', null, division), el('td', null, cell)]);
  }

  function findingItem(finding, rules) {
    var rule = rules[finding.ruleId];
    var item = el('li', { 'class': 'finding s-' + finding.severity + (finding.waived ? ' waived' : ''), 'data-kind': finding.kind }, [
      el('div', { 'class': 'finding-head' }, [
        badge('s', finding.severity),
        finding.waived ? el('span', { 'class': 'badge waived', text: 'waived' }) : null,
        el('code', { text: finding.ruleId }),
        el('span', { 'class': 'muted', text: finding.kind })
      ]),
      rule && rule.description ? el('p', { 'class': 'muted', text: rule.description }) : null,
      el('p', { 'class': 'message', text: finding.message })
    ]);
    if (finding.kind === 'PrivilegeEscalation') {
      append(item, [el('p', { 'class': 'label', text: 'Escalation chain' }), chain(finding)]);
    } else if (finding.subject) {
      append(item, el('p', null, [el('span', { 'class': 'label', text: 'Subject: ' }), el('span', { 'class': 'mono', text: finding.subject })]));
    }

    append(item, el('p', null, [el('span', { 'class': 'label', text: 'Remediation: ' }), finding.remediation]));
    if (finding.waived) {
      append(item, el('p', { 'class': 'waiver' }, [
        el('span', { 'class': 'label', text: 'Waiver: ' }), finding.waiverRationale || 'no rationale given',
        finding.waiverExpiresOn ? ' (until ' + time(finding.waiverExpiresOn) + ')' : ''
      ]));
    }

    return item;
  }

  // The message names the chain ("... role 'R' (division) grants 'p' (why); and 'q' (why), reach."): the grant
  // first, then each permission path; a message of another shape is shown whole.
  function chain(finding) {
    var message = finding.message || '';
    var at = message.indexOf(' grants ');
    var steps = [finding.subject];
    if (at >= 0) {
      message.slice(at + ' grants '.length).replace(/\.$/, '').split('; and ').forEach(function (step) { steps.push(step); });
    } else {
      steps.push(message);
    }

    return el('ol', { 'class': 'chain' }, steps.map(function (step, index) {
      return el('li', null, index === 0 ? [el('span', { 'class': 'label', text: 'Grant: ' }), step] : ['grants ', step]);
    }));
  }

  // Printing shows every client's details and every permission list; what the reader had open stays open after.
  function preparePrinting() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      document.querySelectorAll('details:not([open])').forEach(function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener('afterprint', function () {
      opened.splice(0).forEach(function (details) { details.open = false; });
    });
  }

  function render() {
    var started = performance.now();
    var main = document.getElementById('main');
    var runs;
    try {
      runs = readRuns();
    } catch (error) {
      problem(main, error.message);
      document.documentElement.setAttribute('data-report-ready', 'false');
      return;
    }

    var several = runs.length > 1;
    var names = runs.map(function (run) { return visible(run.organization ? run.organization.name : ''); });
    document.title = 'OAuthAudit report: ' + (several ? runs.length + ' organizations' : names[0]);
    document.getElementById('page-subtitle').textContent = several
      ? runs.length + ' organizations, one section each'
      : names[0] + ' against ' + visible(runs[0].baseline ? runs[0].baseline.name : '') + ', ' + time(runs[0].finishedAt);
    if (several) {
      main.appendChild(renderTotals(runs, names));
      append(main, el('nav', { 'aria-label': 'Organizations' }, el('ul', null, runs.map(function (run, index) {
        return el('li', null, el('a', { href: '#r' + index + '-org', text: names[index] || (run.organization && run.organization.id) }));
      }))));
    }

    runs.forEach(function (run, index) {
      main.appendChild(renderRun(run, index, several));
    });
    preparePrinting();
    document.documentElement.setAttribute('data-render-ms', String(Math.round((performance.now() - started) * 10) / 10));
    document.documentElement.setAttribute('data-report-ready', 'true');
  }

  render();
}());
