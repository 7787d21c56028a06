// Aligned claims: hovering one highlights every claim of the same fact group.
document.querySelectorAll('[data-group]').forEach(el => {
  const mark = on => document.querySelectorAll('[data-group="' + el.dataset.group + '"]').forEach(x => x.classList.toggle('hl', on));
  el.addEventListener('mouseenter', () => mark(true)); el.addEventListener('mouseleave', () => mark(false));
});
// The story page's print button (the print stylesheet leaves out the navigation and the exports).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
