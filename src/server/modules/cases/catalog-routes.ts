import { Type } from "@sinclair/typebox";
import { type App, Enum, IdParams, Nullable, responses } from "../../platform/http/types.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { allCategories } from "./catalog.ts";
import { createCategory, createDepartment, updateCategory, updateDepartment } from "./catalog-edit.ts";
import { HANDLER_LEVELS } from "./flow.ts";
import { Category, Department } from "./schemas.ts";

const tags = ["cases"];
const configure = { access: { permission: "cases.configure" as const } };
const Code = Type.String({ minLength: 2, maxLength: 40, pattern: "^[A-Za-z][A-Za-z0-9]*$" });
const Name = Type.String({ minLength: 1, maxLength: 50 });
/** Minutes: up to 90 days. */
const Minutes = Type.Integer({ minimum: 1, maximum: 90 * 24 * 60 });

const Question = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z][A-Za-z0-9_]*$" }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    labelEn: Type.String({ maxLength: 100 }),
    datatype: Enum(["string", "text", "number", "singlevaluelist"] as const),
    required: Type.Boolean(),
    values: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9_-]+$" }),
            name: Type.String({ minLength: 1, maxLength: 50 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    ),
  },
  { additionalProperties: false },
);

const fields = {
  name: Name,
  nameEn: Type.String({ maxLength: 80 }),
  description: Type.String({ maxLength: 500 }),
  defaultLevel: Enum(HANDLER_LEVELS),
  departmentCode: Nullable(Type.String({ maxLength: 40 })),
  responseMinutes: Minutes,
  resolveMinutes: Minutes,
  remindMinutes: Type.Integer({ minimum: 0, maximum: 90 * 24 * 60 }),
  duplicateMeters: Type.Integer({ minimum: 0, maximum: 10_000 }),
  duplicateHours: Type.Integer({ minimum: 0, maximum: 24 * 90 }),
  questions: Type.Array(Question, { maxItems: 20 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10_000 }),
};
const CategoryFull = Type.Composite([
  Category,
  Type.Object({ sortOrder: Type.Integer(), active: Type.Boolean() }),
]);
const DepartmentFull = Type.Composite([Department, Type.Object({ sortOrder: Type.Integer() })]);

/** 诉求分类 and 职能部门 edited from the settings pages (cases.configure), every change audited. */
export function catalogRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/cases/categories/all",
    {
      config: configure,
      schema: {
        tags,
        summary: "Every case category, deactivated ones too, with its sort order (settings page)",
        response: responses({ 200: Type.Array(CategoryFull) }),
      },
    },
    () => allCategories(db),
  );

  app.post(
    "/cases/categories",
    {
      config: configure,
      schema: {
        tags,
        summary: "Add a case category: routing, deadlines, duplicate rule and extra questions",
        body: Type.Object(
          {
            code: Code,
            ...fields,
            departmentCode: Type.Optional(fields.departmentCode),
            description: Type.Optional(fields.description),
            questions: Type.Optional(fields.questions),
            sortOrder: Type.Optional(fields.sortOrder),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: CategoryFull }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createCategory(db, req.actor, {
        ...b,
        nameEn: b.nameEn || b.name,
        description: b.description ?? "",
        departmentCode: b.departmentCode ?? null,
        questions: b.questions ?? [],
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    "/cases/categories/:code",
    {
      config: configure,
      schema: {
        tags,
        summary:
          "Change a case category (active: false deactivates it); new cases follow at once, open ones keep their deadlines",
        params: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        body: Type.Partial(
          Type.Object({ ...fields, active: Type.Boolean() }, { additionalProperties: false }),
          {
            additionalProperties: false,
            minProperties: 1,
          },
        ),
        response: responses({ 200: CategoryFull }),
      },
    },
    (req) => updateCategory(db, req.actor, req.params.code, req.body),
  );

  app.post(
    "/cases/departments",
    {
      config: configure,
      schema: {
        tags,
        summary: "Add a department (职能部门) that cases can be routed and whistled to",
        body: Type.Object(
          {
            code: Code,
            name: Name,
            nameEn: Type.String({ maxLength: 80 }),
            sortOrder: Type.Optional(fields.sortOrder),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: DepartmentFull }),
      },
    },
    async (req, reply) => {
      const row = await createDepartment(db, req.actor, {
        ...req.body,
        nameEn: req.body.nameEn || req.body.name,
      });
      return reply.status(201).send(row);
    },
  );

  app.patch(
    "/cases/departments/:id",
    {
      config: configure,
      schema: {
        tags,
        summary: "Rename or reorder a department",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            sortOrder: Type.Optional(fields.sortOrder),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: DepartmentFull }),
      },
    },
    (req) => updateDepartment(db, req.actor, req.params.id, req.body),
  );
}
