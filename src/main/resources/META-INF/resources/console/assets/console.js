// Progressive enhancement only: every page works without this script.
// 1. Times are rendered in UTC by the server; show them in the viewer's own zone.
// 2. Buttons with data-copy copy the text of the element whose id they name. They are hidden until this script shows
//    them: without it they could not work, and the text stays there to select.
document.addEventListener('DOMContentLoaded', () => {
  for (const time of document.querySelectorAll('time[datetime]')) {
    const when = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(when.getTime())) {
      time.textContent = when.toLocaleString();
      time.title = time.getAttribute('datetime');
    }
  }
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.hidden = false;
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

// 4. A form with data-submit-once cannot be sent twice (a double click on the setup page's button would open the link
//    with the first request and show "already used" to the second, losing the credential the first one issued).
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-submit-once]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = 'true';
    });
  }
});

// 3. A section with data-poll reloads itself from that address every five seconds (the setup page's progress); the
//    page has a plain link for the same without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  for (const section of document.querySelectorAll('[data-poll]')) {
    const refresh = async () => {
      try {
        const answer = await fetch(section.dataset.poll, { credentials: 'same-origin', cache: 'no-store' });
        if (answer.ok) {
          section.innerHTML = await answer.text();
          for (const time of section.querySelectorAll('time[datetime]')) {
            const when = new Date(time.getAttribute('datetime'));
            if (!Number.isNaN(when.getTime())) time.textContent = when.toLocaleString();
          }
        }
      } catch (e) {
        // Offline for a moment: try again at the next tick.
      }
    };
    setInterval(refresh, 5000);
  }
});
