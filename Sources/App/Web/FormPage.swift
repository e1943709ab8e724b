/// A page that is only a form (common/form.leaf): an optional intro line and the form.
struct FormPage: Encodable {
    let form: FormModel
    var intro: String? = nil
}
