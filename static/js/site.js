// The mobile menu: the only behaviour HTML and CSS cannot give on their own.
document.documentElement.classList.replace("no-js", "js");

document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
});

// The "What we do" entry of the main menu: a disclosure button that shows the pillars.
document.addEventListener("DOMContentLoaded", () => {
  const toggles = [...document.querySelectorAll(".submenu-toggle")];
  const setOpen = (toggle, open) => {
    toggle.setAttribute("aria-expanded", String(open));
    document.getElementById(toggle.getAttribute("aria-controls")).classList.toggle("is-open", open);
  };
  toggles.forEach((toggle) => {
    toggle.addEventListener("click", () => setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true"));
  });
  document.addEventListener("keydown", (event) => {
    const open = toggles.find((toggle) => toggle.getAttribute("aria-expanded") === "true");
    if (event.key === "Escape" && open) {
      setOpen(open, false);
      open.focus();
    }
  });
  document.addEventListener("click", (event) => {
    toggles.forEach((toggle) => {
      if (!toggle.parentElement.contains(event.target)) setOpen(toggle, false);
    });
  });
});

// Click-to-load video: nothing from the video host loads until the visitor asks.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-video-play]");
  if (!button) return;
  const frame = button.closest(".video__frame");
  const embed = frame.querySelector("template[data-video-embed]");
  frame.replaceChildren(embed.content.cloneNode(true));
  frame.querySelector("iframe").focus();
});
