import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The canvas and panels first: the components' own sheets come after and refine them.
import "./screen.css";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from screen/index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
