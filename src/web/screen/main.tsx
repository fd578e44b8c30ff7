import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The canvas and panels first: the components' own sheets come after and refine them.
import "./screen.css";
import { loadCharts } from "../common/echart.tsx";
import { App } from "./app.tsx";

// The screen is charts: fetched at once, beside the session check and the figures.
void loadCharts();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from screen/index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
