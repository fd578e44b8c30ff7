import { Button, type ImageUploadItem, Popup, TextArea } from "antd-mobile";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { PhotoUploader, photoIds } from "./photos.tsx";

const MAX_NOTE = 2000;

/** A text area with a visible box and large text (the case pages' text areas all look alike). */
export const TEXT_BOX = {
  "--font-size": "18px",
  border: "1px solid #d0d0d0",
  borderRadius: 8,
  padding: 12,
  boxSizing: "border-box",
} as const;

/**
 * A sheet from the bottom, made afresh each time it opens (its state does not outlive it); a tap
 * beside it closes it. `label` names the dialog for screen readers.
 */
export function BottomSheet({
  open,
  label,
  onClose,
  children,
}: {
  open: boolean;
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Popup
      visible={open}
      onMaskClick={onClose}
      destroyOnClose
      bodyStyle={{
        borderTopLeftRadius: 12,
        borderTopRightRadius: 12,
        maxHeight: "88vh",
        overflowY: "auto",
      }}
    >
      <div role="dialog" aria-label={label} style={{ padding: "16px 16px 24px" }}>
        {children}
      </div>
    </Popup>
  );
}

/** A sheet's last row: cancel beside the primary step, both large. */
export function SheetButtons({
  cancelText,
  confirmText,
  pending,
  disabled,
  onCancel,
  onConfirm,
}: {
  cancelText: string;
  confirmText: string;
  pending: boolean;
  disabled?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <div style={{ display: "flex", gap: 12, marginTop: 20 }}>
      <Button block size="large" onClick={onCancel} style={{ height: 52 }}>
        {cancelText}
      </Button>
      <Button
        block
        size="large"
        color="primary"
        loading={pending}
        disabled={disabled}
        onClick={onConfirm}
        style={{ height: 52 }}
      >
        {confirmText}
      </Button>
    </div>
  );
}

/**
 * A sheet from the bottom for a step that needs a few words (办结, 上报, 退回, 反馈…), and photos
 * where they help. Its content is made afresh each time it opens.
 */
export function NoteSheet({
  open,
  title,
  label,
  placeholder,
  withPhotos,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  withPhotos?: boolean;
  pending: boolean;
  error?: string | null;
  onSubmit: (note: string, photos: string[]) => void;
  onClose: () => void;
}) {
  return (
    <BottomSheet open={open} label={title} onClose={onClose}>
      <SheetBody
        title={title}
        label={label}
        placeholder={placeholder}
        withPhotos={withPhotos}
        pending={pending}
        error={error}
        onSubmit={onSubmit}
        onClose={onClose}
      />
    </BottomSheet>
  );
}

function SheetBody({
  title,
  label,
  placeholder,
  withPhotos,
  pending,
  error,
  onSubmit,
  onClose,
}: Omit<Parameters<typeof NoteSheet>[0], "open">) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [missing, setMissing] = useState(false);
  const noteId = useId();
  const submit = () => {
    if (!note.trim()) return setMissing(true);
    onSubmit(note.trim(), photoIds(photos));
  };
  return (
    <>
      <h2 style={{ margin: "0 0 12px", fontSize: 21, fontWeight: 600 }}>{title}</h2>
      <label htmlFor={noteId} style={{ display: "block", fontSize: 18, marginBottom: 6 }}>
        {label}
      </label>
      <TextArea
        id={noteId}
        value={note}
        onChange={(v) => {
          setNote(v);
          setMissing(false);
        }}
        placeholder={placeholder}
        rows={4}
        maxLength={MAX_NOTE}
        showCount
        style={TEXT_BOX}
      />
      {withPhotos && (
        <div style={{ marginTop: 12 }}>
          <div style={{ fontSize: 18, marginBottom: 6 }}>{t("casesMobile.form.photos")}</div>
          <PhotoUploader value={photos} onChange={setPhotos} onBusyChange={setUploading} />
        </div>
      )}
      {(missing || error) && (
        <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginTop: 12 }}>
          {missing ? t("casesMobile.actions.noteRequired", { label }) : error}
        </div>
      )}
      <SheetButtons
        cancelText={t("user.cancel")}
        confirmText={t("casesMobile.actions.confirm")}
        pending={pending}
        disabled={uploading}
        onCancel={onClose}
        onConfirm={submit}
      />
    </>
  );
}
