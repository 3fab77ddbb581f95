// Conditional reveals for GOV.UK radios (the Design System's markup: govuk-radios__conditional and
// data-aria-controls), without the aria-expanded that GOV.UK Frontend's own Radios script puts on each radio.
// WAI-ARIA 1.2 does not allow aria-expanded on the radio role, so axe-core reports it as a critical
// aria-allowed-attr violation (alphagov/govuk-frontend#979, w3c/aria#1404). The revealed block follows its
// radio in the reading order, and aria-controls (a global ARIA attribute) links the two.
// Without JavaScript (or without module support) nothing runs: the GOV.UK styles hide a conditional block only
// under .govuk-frontend-supported, so every block stays visible and usable.

function conditionalFor(input) {
  const id = input.getAttribute("aria-controls");
  const target = id ? document.getElementById(id) : null;
  return target && target.classList.contains("govuk-radios__conditional") ? target : null;
}

function start(root) {
  const inputs = Array.from(root.querySelectorAll('input[type="radio"]'));
  for (const input of inputs) {
    const id = input.getAttribute("data-aria-controls");
    if (id && document.getElementById(id)) {
      input.setAttribute("aria-controls", id);
      input.removeAttribute("data-aria-controls");
    }
  }
  const sync = () => {
    for (const input of inputs) {
      conditionalFor(input)?.classList.toggle("govuk-radios__conditional--hidden", !input.checked);
    }
  };
  // "change" fires for mouse, keyboard (arrow keys) and label clicks; "pageshow" restores the state when the
  // browser brings the page back from its cache with a radio already chosen.
  root.addEventListener("change", sync);
  window.addEventListener("pageshow", sync);
  sync();
}

document.querySelectorAll('[data-module="review-conditional-radios"]').forEach(start);
