import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { pageAt } from "./nav.tsx";

// The page the address opens is fetched beside the session check, not after it.
pageAt(window.location.pathname.replace(/^\/admin/, "") || "/")?.page.preload();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from admin/index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
