// Progressive enhancement only: every page works without this script.
// 1. Times are rendered in UTC by the server; show them in the viewer's own zone.
// 2. Buttons with data-copy copy the text of the element whose id they name.
document.addEventListener('DOMContentLoaded', () => {
  for (const time of document.querySelectorAll('time[datetime]')) {
    const when = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(when.getTime())) {
      time.textContent = when.toLocaleString();
      time.title = time.getAttribute('datetime');
    }
  }
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        button.textContent = 'Copied';
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      }
    });
  }
});
