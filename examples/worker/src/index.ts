// The pipeline and queue runners are added by the platform issue.
export {};
