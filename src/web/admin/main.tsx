import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from admin/index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
