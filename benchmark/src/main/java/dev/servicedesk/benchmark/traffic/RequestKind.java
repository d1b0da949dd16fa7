package dev.servicedesk.benchmark.traffic;

import java.util.List;

/**
 * A kind of request a centre receives, with the words customers use for it in Chinese and English.
 * {@code share} is its weight in the mix; urgent kinds carry the words intake flags as urgent.
 */
record RequestKind(String name, int share, List<Wording> chinese, List<Wording> english) {

    record Wording(String description, String request) {
    }

    static final List<RequestKind> ALL = List.of(
            new RequestKind("consultation", 22,
                    List.of(new Wording("请问这款电热水壶的保修期是多久？发票丢了还能保修吗", "咨询保修政策"),
                            new Wording("会员积分怎么兑换优惠券，积分什么时候过期", "解答积分规则"),
                            new Wording("想了解空气净化器滤芯多久更换一次，在哪里买原装滤芯", "告知购买渠道")),
                    List.of(new Wording("How long is the warranty on the K2 kettle, and do I need the receipt?", "Explain the warranty"),
                            new Wording("Can I change the delivery address of an order that has not shipped yet?", "Tell me how"),
                            new Wording("Which filter fits the AP-300 air purifier and how often should I replace it?", "Answer please"))),
            new RequestKind("problem-feedback", 18,
                    List.of(new Wording("App 更新后订单页面一直白屏，刷新也没用", "尽快修复"),
                            new Wording("扫地机器人经常找不到充电座，电量耗尽停在半路", "远程诊断"),
                            new Wording("付款成功但订单状态还是待支付，已经过了两个小时", "核实订单状态")),
                    List.of(new Wording("The app crashes every time I open the order history page", "Please fix it"),
                            new Wording("The robot vacuum keeps losing its map after the last firmware update", "Send a fix"),
                            new Wording("I was charged twice for the same order this morning", "Check the payment"))),
            new RequestKind("complaint", 12,
                    List.of(new Wording("客服三次承诺回电都没有回，态度也很差，非常不满意", "投诉客服人员并要求道歉"),
                            new Wording("快递员没送货上门就签收了，包裹找不到，打电话也不接", "投诉配送服务"),
                            new Wording("同一个问题第二次投诉了，上次说处理结果一直没有", "要求主管处理")),
                    List.of(new Wording("Nobody called me back although it was promised three times. This is unacceptable", "I want to file a complaint"),
                            new Wording("The courier marked the parcel delivered but it never arrived and he was rude", "Formal complaint about delivery"),
                            new Wording("Second complaint about the same issue, the first one was ignored", "Escalate to a manager"))),
            new RequestKind("refund", 12,
                    List.of(new Wording("订单取消了但是退款还没到账，已经七天了", "退款"),
                            new Wording("商品降价了，申请退差价", "退差价")),
                    List.of(new Wording("I cancelled the order a week ago and still have not received my refund", "Refund please"),
                            new Wording("The item was delivered in the wrong colour", "Full refund"))),
            new RequestKind("return", 9,
                    List.of(new Wording("衣服尺码不合适，七天无理由退货", "退货"),
                            new Wording("收到的耳机和描述的型号不一致", "退货退款")),
                    List.of(new Wording("The shoes are too small, I would like to return them within the 30 days", "Return"),
                            new Wording("Received the wrong model of headphones", "Return and refund"))),
            new RequestKind("repair", 10,
                    List.of(new Wording("洗衣机脱水时响声很大，机身晃动厉害", "上门维修"),
                            new Wording("电视用了半年屏幕出现一条竖线", "保修期内免费维修")),
                    List.of(new Wording("The washing machine makes a loud noise when spinning", "Send a technician to repair it"),
                            new Wording("A vertical line appeared on the TV screen after six months", "Repair under warranty"))),
            new RequestKind("damaged-parcel", 7,
                    List.of(new Wording("快递外箱破损，里面的杯子碎了两个", "补发或换货"),
                            new Wording("包裹被压扁了，显示器屏幕裂了", "换货")),
                    List.of(new Wording("The parcel arrived crushed and two glasses inside are broken", "Replacement"),
                            new Wording("The box was damaged in transit and the monitor screen is cracked", "Exchange it"))),
            new RequestKind("urgent-security", 4,
                    List.of(new Wording("水壶底座漏电，摸到外壳有麻的感觉，有安全隐患", "立即处理安全问题"),
                            new Wording("充电宝充电时冒烟发烫，差点着火", "召回并赔偿")),
                    List.of(new Wording("The charger started smoking and nearly caught fire, this is a safety hazard", "Urgent: safety risk"),
                            new Wording("The heater sparks when switched on, risk of electric shock", "Urgent safety check"))),
            new RequestKind("urgent-login", 3,
                    List.of(new Wording("账号无法登录，提示密码错误，怀疑被盗号", "紧急冻结账号"),
                            new Wording("收到陌生登录提醒，现在登录不了账号", "找回账号")),
                    List.of(new Wording("I cannot log in to my account and I think it was hacked", "Lock my account now"),
                            new Wording("Account locked out after a password reset I did not request", "Restore access urgently"))),
            new RequestKind("urgent-outage", 3,
                    List.of(new Wording("整个小区的智能门锁都打不开，系统宕机了", "紧急恢复服务"),
                            new Wording("支付功能全部失败，所有用户都无法下单", "紧急修复故障")),
                    List.of(new Wording("Service outage: the whole app is down and no one can pay", "Restore the service urgently"),
                            new Wording("All smart locks in our building stopped working, system down", "Urgent outage"))));
}
