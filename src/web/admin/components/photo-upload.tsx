import { PlusOutlined } from "@ant-design/icons";
import { Form, type FormItemProps, Upload, type UploadFile } from "antd";
import { api } from "../../common/api.ts";

/**
 * A form field of photos (or a scanned form), each uploaded to /api/v1/files as it is picked; the
 * field's value is antd's file list, whose `response` is the stored file ({ id, url }).
 */
export function PhotoUploadItem({ max, ...item }: FormItemProps & { max: number }) {
  return (
    <Form.Item
      {...item}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
    >
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        maxCount={max}
        customRequest={({ file, onSuccess, onError }) => {
          api
            .upload("post", "/api/v1/files", file as File)
            .then((stored) => onSuccess?.(stored))
            .catch((e: Error) => onError?.(e));
        }}
      >
        <PlusOutlined />
      </Upload>
    </Form.Item>
  );
}
