// Small helpers for the pages; served from this site (no CDN, CSP script-src 'self').
(function () {
  const csrf = document.querySelector('meta[name="csrf"]')?.content || "";

  async function post(url, payload) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(payload),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail || ("ошибка " + response.status));
    return data;
  }

  // The answer as the terminal would read it: "2", "1,3", "да", "0.25", "1-b 2-a".
  function answerOf(box) {
    const checked = [...box.querySelectorAll("input[type=radio]:checked, input[type=checkbox]:checked")];
    if (checked.length) return checked.map((el) => el.value).join(",");
    const text = box.querySelector("input[type=text]");
    return text ? text.value : "";
  }

  // Job page: poll until graded, then reload to show the result.
  const job = document.querySelector("[data-job-status]");
  if (job) {
    const tick = async () => {
      try {
        const response = await fetch(job.dataset.jobStatus, {headers: {"Accept": "application/json"}});
        const data = await response.json();
        if (data.status === "done" || data.status === "failed") { location.reload(); return; }
        job.textContent = data.status === "queued" ? ("в очереди: " + data.position) : "проверяется…";
      } catch (e) { /* the server restarts: keep waiting */ }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 700);
  }

  // Self-check: instant verdict and explanation per question.
  document.querySelectorAll("form[data-selfcheck]").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const out = form.querySelector(".verdict");
      try {
        const v = await post(form.dataset.selfcheck, {question: form.dataset.question, given: answerOf(form)});
        out.className = "verdict " + (v.correct ? "ok" : "bad");
        out.innerHTML = "";
        const head = document.createElement("div");
        head.textContent = v.correct ? "Верно." : ((v.note ? v.note + ". " : "Неверно. ") + "Правильный ответ: " + v.key_text);
        const why = document.createElement("div");
        why.className = "muted";
        why.innerHTML = v.explanation_html;  // rendered on the server from the bank (escaped Markdown + MathML)
        out.append(head, why);
      } catch (e) { out.className = "verdict bad"; out.textContent = e.message; }
    });
  });

  // Graded quiz: every change is saved at once.
  document.querySelectorAll("[data-autosave]").forEach((box) => {
    const mark = box.querySelector(".saved");
    const save = async () => {
      mark.textContent = "сохраняю…";
      try {
        await post(box.dataset.autosave, {question: box.dataset.question, given: answerOf(box)});
        mark.textContent = "сохранено";
      } catch (e) { mark.textContent = e.message; mark.className = "saved bad"; }
    };
    box.querySelectorAll("input").forEach((el) => el.addEventListener(el.type === "text" ? "change" : "input", save));
  });

  // Live class table: refresh the rows every few seconds.
  const live = document.querySelector("[data-live-table]");
  if (live) {
    const body = live.querySelector("tbody");
    const refresh = async () => {
      try {
        const rows = await (await fetch(live.dataset.liveTable, {headers: {"Accept": "application/json"}})).json();
        body.innerHTML = "";
        for (const r of rows) {
          const tr = document.createElement("tr");
          const cells = [r.name, r.score === null ? "—" : (r.score + " / " + r.max),
                         {queued: "в очереди", running: "проверяется", done: "проверено", failed: "ошибка",
                          graded: "проверено", none: "не сдано"}[r.status] || r.status,
                         r.failed.join(", ")];
          cells.forEach((text, i) => {
            const td = document.createElement("td");
            if (i === 0) { const a = document.createElement("a"); a.href = "/staff/s/" + encodeURIComponent(r.student_id); a.textContent = text; td.append(a); }
            else td.textContent = text;
            if (i === 1) td.className = "num";
            tr.append(td);
          });
          body.append(tr);
        }
        live.querySelector(".updated").textContent = "обновлено " + new Date().toLocaleTimeString("ru-RU");
      } catch (e) { /* keep the last table */ }
      setTimeout(refresh, 3000);
    };
    setTimeout(refresh, 3000);
  }
})();
